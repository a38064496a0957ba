import fc from "fast-check";

/**
 * How many cases each property test generates: TORTURE_RUNS, or 200 so that
 * `npm test` stays quick. `npm run torture` sets it to 100,000 (decision 0023).
 */
export const tortureRuns = runsFromEnvironment(process.env.TORTURE_RUNS);

function runsFromEnvironment(value: string | undefined): number {
  const runs = Number(value ?? 200);
  return Number.isInteger(runs) && runs > 0 ? runs : 200;
}

/** fast-check's settings for one property: the run count, and no time limit per case. */
export const propertySettings = { numRuns: tortureRuns } as const;

/** Pieces an attacker or a broken feed would try: markup, mentions, escapes, invisible and reversing characters. */
const hostilePieces = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U12345678>",
  "<#C12345678>",
  "<https://evil.example|click me>",
  "[NHS login](https://evil.example/steal)",
  "**urgent**",
  "<mailto:a@evil.example|mail>",
  "&lt;!channel&gt;",
  "*bold* _it_ ~strike~ `code` ```block```",
  "\u001b[31m",
  "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
  "\u009b2J",
  "\r\n",
  "\u0000",
  "\u200b\u200c\u200d\u2060\ufeff",
  "\u202e\u202d\u2066\u2067\u2068\u2069",
  "👩🏽‍🦯‍➡️🏳️‍⚧️",
  "\ud800",
  "\udfff",
  "' OR 1=1 --",
  '" OR areas EXISTS OR "',
  "] OR needs EXISTS [",
  "(",
  ")",
  "\\",
  "${process.exit()}",
  "{{constructor.constructor('alert(1)')()}}",
  "__proto__",
  "Loughborough",
  "lonely and keeps falling",
  "he wants to kill himself",
  "age 84",
  "NHS 999 000 0018",
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One piece of text: any code points, UTF-16 units (lone surrogates too), hostile pieces, or a mix of them. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-composite", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...hostilePieces) },
);

/** Arbitrary hostile text, usually short, sometimes very long (up to about 20,000 characters). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(pieces.length % 2 === 0 ? " " : "")) },
  { weight: 1, arbitrary: fc.tuple(piece, fc.integer({ min: 50, max: 500 })).map(([text, times]) => `${text} `.repeat(times)) },
);
