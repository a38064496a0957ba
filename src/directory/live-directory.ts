import type { Directory } from "./directory.js";

/**
 * The directory Signpost answers from, replaceable while it runs: the
 * directory refresh job swaps in a newly loaded, validated directory once the
 * search engine has indexed it. `view` is a Directory whose every read goes to
 * the current one, so the parts given it at start-up (the answer path, the
 * conversation core, the ORUK routes) see a refresh without being rebuilt.
 */
export class LiveDirectory {
  private current: Directory;
  readonly view: Directory;

  constructor(initial: Directory) {
    this.current = initial;
    const live = () => this.current;
    this.view = {
      get services() {
        return live().services;
      },
      get taxonomy() {
        return live().taxonomy;
      },
      get gazetteer() {
        return live().gazetteer;
      },
      get fingerprint() {
        return live().fingerprint;
      },
      get vocabularyFingerprint() {
        return live().vocabularyFingerprint;
      },
    };
  }

  get fingerprint(): string {
    return this.current.fingerprint;
  }

  replace(next: Directory): void {
    this.current = next;
  }
}
