import type { Directory } from "../directory/directory.js";
import { defaultFeatures, type EntityMarkers, type FeatureOptions, intentFeatures } from "./intent-features.js";
import { type IntentDefinition, type IntentId, intentIds } from "./intents.js";
import { defaultTraining, type SavedSoftmax, SoftmaxRegression, type TrainingOptions } from "./softmax-regression.js";

export interface IntentGuess {
  readonly intent: IntentId;
  /** The model's probability for `intent`, from 0 to 1. */
  readonly confidence: number;
  /** Every intent's probability, for evaluation and the urgent-help check. */
  readonly probabilities: Readonly<Record<IntentId, number>>;
}

/** Markers for a training example, found the same way as for a live message. */
export type MarkerFinder = (text: string) => EntityMarkers;

/**
 * The intent classifier, trained from intents/ (a few thousand examples, about
 * a second), or restored from a model saved by an earlier start with the same
 * examples and vocabulary (intent-model-file.ts). See docs/decisions/0004.
 */
export class IntentClassifier {
  private readonly model: SoftmaxRegression;

  /** Trains on `source`'s examples, or takes a model already trained. */
  constructor(
    source: readonly IntentDefinition[] | SoftmaxRegression,
    private readonly directory: Directory,
    private readonly markersFor: MarkerFinder,
    private readonly features: FeatureOptions = defaultFeatures,
    training: TrainingOptions = defaultTraining,
  ) {
    if (source instanceof SoftmaxRegression) {
      this.model = source;
      return;
    }
    const samples = source.flatMap((definition) =>
      definition.examples.map((example) => ({
        features: intentFeatures(example, directory, markersFor(example), features),
        label: intentIds.indexOf(definition.id),
      })),
    );
    this.model = new SoftmaxRegression(intentIds.length);
    this.model.train(samples, training);
  }

  /** The trained model, for the model file. */
  save(): SavedSoftmax {
    return this.model.save();
  }

  classify(text: string, markers: EntityMarkers = this.markersFor(text)): IntentGuess {
    const probabilities = this.model.probabilities(intentFeatures(text, this.directory, markers, this.features));
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
    return {
      intent: intentIds[best]!,
      confidence: probabilities[best]!,
      probabilities: Object.fromEntries(intentIds.map((id, k) => [id, probabilities[k]!])) as Record<IntentId, number>,
    };
  }
}
