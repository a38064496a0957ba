/**
 * Multinomial logistic regression over sparse binary features, trained by
 * stochastic gradient descent with L2 regularisation. Small, deterministic
 * (seeded shuffling) and fast enough to train from intents/ at every start-up.
 */
export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

export const defaultTraining: TrainingOptions = { epochs: 60, learningRate: 0.5, l2: 1e-4, seed: 42 };

export class SoftmaxRegression {
  private readonly weights = new Map<string, Float64Array>();
  private readonly bias: Float64Array;

  constructor(private readonly classes: number) {
    this.bias = new Float64Array(classes);
  }

  train(samples: readonly { readonly features: readonly string[]; readonly label: number }[], options = defaultTraining): void {
    const order = samples.map((_, i) => i);
    const random = mulberry32(options.seed);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      const rate = options.learningRate / (1 + epoch * 0.1);
      for (const index of order) {
        const { features, label } = samples[index]!;
        const probabilities = this.probabilities(features);
        const scale = 1 / Math.sqrt(features.length || 1);
        for (let k = 0; k < this.classes; k++) {
          const gradient = probabilities[k]! - (k === label ? 1 : 0);
          this.bias[k]! -= rate * gradient;
          for (const feature of features) {
            const row = this.row(feature);
            row[k] = row[k]! * (1 - rate * options.l2) - rate * gradient * scale;
          }
        }
      }
    }
  }

  /** Class probabilities for one sample; unknown features are ignored. */
  probabilities(features: readonly string[]): Float64Array {
    const scores = Float64Array.from(this.bias);
    const scale = 1 / Math.sqrt(features.length || 1);
    for (const feature of features) {
      const row = this.weights.get(feature);
      if (!row) continue;
      for (let k = 0; k < this.classes; k++) scores[k]! += row[k]! * scale;
    }
    const max = Math.max(...scores);
    let sum = 0;
    for (let k = 0; k < this.classes; k++) {
      scores[k] = Math.exp(scores[k]! - max);
      sum += scores[k]!;
    }
    for (let k = 0; k < this.classes; k++) scores[k]! /= sum;
    return scores;
  }

  private row(feature: string): Float64Array {
    let row = this.weights.get(feature);
    if (!row) {
      row = new Float64Array(this.classes);
      this.weights.set(feature, row);
    }
    return row;
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
