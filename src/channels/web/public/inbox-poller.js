// Signpost web chat: polls the conversation's inbox (status changes to its referrals) every few seconds while the
// tab is visible, and once right after each reply. A failed poll is quiet: polling pauses, then tries again.
/* global document, setTimeout, clearTimeout -- browser globals (the project's ESLint config is for Node) */

export const pollEveryMs = 5_000;
/** After a failure polling waits this long, doubling with each failure in a row up to the longest pause. */
const firstPauseMs = 30_000;
const longestPauseMs = 5 * 60_000;

/**
 * @typedef {object} InboxPollingOptions
 * @property {() => Promise<string[]>} fetchUnread the unread messages; rejects when they cannot be fetched
 * @property {(message: string) => void} show adds one message to the log
 * @property {() => boolean} busy true while an answer is awaited: timed polls wait, so nothing lands between a message and its reply
 */

/**
 * Starts polling now.
 * @param {InboxPollingOptions} options
 * @returns {{ pollNow: () => void }} pollNow: poll once now (after a reply), even during a pause after failures
 */
export function startInboxPolling({ fetchUnread, show, busy }) {
  /** @type {number | undefined} */
  let timer;
  let running = false;
  let pollAgain = false;
  let failures = 0;
  let resumeAt = 0;

  /** @param {boolean} now poll even if paused after failures */
  async function poll(now) {
    if (running) {
      pollAgain ||= now;
      return;
    }
    if (!now && (document.visibilityState !== "visible" || busy() || Date.now() < resumeAt)) return;
    running = true;
    try {
      for (const message of await fetchUnread()) show(message);
      failures = 0;
      resumeAt = 0;
    } catch {
      // Nothing is shown: the chat works without notifications, and they wait in the inbox until a later poll.
      failures += 1;
      resumeAt = Date.now() + Math.min(firstPauseMs * 2 ** (failures - 1), longestPauseMs);
    } finally {
      running = false;
    }
    if (pollAgain) {
      pollAgain = false;
      await poll(true);
    }
  }

  /** The next timed poll, only while the tab is visible. */
  function schedule() {
    clearTimeout(timer);
    timer = undefined;
    if (document.visibilityState !== "visible") return;
    timer = setTimeout(() => void poll(false).finally(schedule), pollEveryMs);
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void poll(false).finally(schedule);
    else schedule();
  });
  void poll(false).finally(schedule);
  return { pollNow: () => void poll(true) };
}
