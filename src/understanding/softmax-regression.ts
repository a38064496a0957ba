/**
 * Multinomial logistic regression over sparse binary features, trained by
 * stochastic gradient descent with L2 regularisation and class-balanced weights.
 * Small, deterministic (seeded shuffling) and fast enough to train from
 * intents/ at every start-up: features are interned to numbers and the weights
 * kept in one flat array.
 */
import { seededRandom } from "../shared/seeded-random.js";

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

export const defaultTraining: TrainingOptions = { epochs: 30, learningRate: 0.5, l2: 1e-4, seed: 42 };

/** A trained model as JSON: the features in index order, the weights as base64 of their bytes. */
export interface SavedSoftmax {
  readonly classes: number;
  readonly features: readonly string[];
  readonly weights: string;
  readonly bias: readonly number[];
}

export class SoftmaxRegression {
  private readonly index = new Map<string, number>();
  private weights = new Float64Array(0);
  private readonly bias: Float64Array;

  constructor(private readonly classes: number) {
    this.bias = new Float64Array(classes);
  }

  train(samples: readonly { readonly features: readonly string[]; readonly label: number }[], options = defaultTraining): void {
    const encoded = samples.map((sample) => ({ ids: sample.features.map((f) => this.intern(f)), label: sample.label }));
    this.weights = new Float64Array(this.index.size * this.classes);
    // Each class counts equally, however many examples it has: a class with more
    // examples must not pull uncertain messages towards itself.
    const counts = new Float64Array(this.classes);
    for (const sample of encoded) counts[sample.label]! += 1;
    const weight = Array.from(counts, (count) => (count === 0 ? 0 : encoded.length / (this.classes * count)));

    const order = encoded.map((_, i) => i);
    const random = seededRandom(options.seed);
    const scores = new Float64Array(this.classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch * 0.1);
      const decay = 1 - rate * options.l2;
      for (const i of order) {
        const { ids, label } = encoded[i]!;
        const scale = 1 / Math.sqrt(ids.length || 1);
        this.scoreInto(ids, scale, scores);
        for (let k = 0; k < this.classes; k++) {
          const gradient = (scores[k]! - (k === label ? 1 : 0)) * weight[label]!;
          this.bias[k]! -= rate * gradient;
          const step = rate * gradient * scale;
          for (const id of ids) {
            const at = id * this.classes + k;
            this.weights[at] = this.weights[at]! * decay - step;
          }
        }
      }
    }
  }

  /** The trained model, exactly: restoring it gives the same probabilities to the last bit. */
  save(): SavedSoftmax {
    return {
      classes: this.classes,
      features: [...this.index.keys()],
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString("base64"),
      bias: Array.from(this.bias),
    };
  }

  /** A model saved by save(); undefined when the saved shape does not add up (a damaged or foreign file). */
  static restore(saved: SavedSoftmax): SoftmaxRegression | undefined {
    const bytes = Buffer.from(saved.weights, "base64");
    const expected = saved.features.length * saved.classes * Float64Array.BYTES_PER_ELEMENT;
    if (bytes.byteLength !== expected || saved.bias.length !== saved.classes) return undefined;
    const model = new SoftmaxRegression(saved.classes);
    saved.features.forEach((feature, i) => model.index.set(feature, i));
    if (model.index.size !== saved.features.length) return undefined;
    // Copied into a fresh, aligned buffer: a Buffer's own may start at any byte.
    model.weights = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    model.bias.set(saved.bias);
    return model;
  }

  /** Class probabilities for one sample; features never seen in training are ignored. */
  probabilities(features: readonly string[]): Float64Array {
    const ids = features.map((f) => this.index.get(f)).filter((id): id is number => id !== undefined);
    const scores = new Float64Array(this.classes);
    this.scoreInto(ids, 1 / Math.sqrt(features.length || 1), scores);
    return scores;
  }

  /** Softmax of bias + scaled weights, written into `out`. */
  private scoreInto(ids: readonly number[], scale: number, out: Float64Array): void {
    out.set(this.bias);
    for (const id of ids) {
      const row = id * this.classes;
      for (let k = 0; k < this.classes; k++) out[k]! += this.weights[row + k]! * scale;
    }
    let max = -Infinity;
    for (let k = 0; k < this.classes; k++) max = Math.max(max, out[k]!);
    let sum = 0;
    for (let k = 0; k < this.classes; k++) {
      out[k] = Math.exp(out[k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < this.classes; k++) out[k]! /= sum;
  }

  private intern(feature: string): number {
    let id = this.index.get(feature);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(feature, id);
    }
    return id;
  }
}


function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
