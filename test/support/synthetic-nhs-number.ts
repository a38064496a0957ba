/**
 * Synthetic NHS numbers for tests, in the 999 range that is never issued to a
 * real person, with a correct Modulus 11 check digit. Skips the prefixes whose
 * check digit would be 10 (no valid number exists for them).
 */
export function syntheticNhsNumber(start = 0): string {
  for (let n = start; n < start + 1000; n++) {
    const nine = `999${String(n).padStart(6, "0")}`;
    const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${nine}${check}`;
  }
  throw new Error("no valid synthetic NHS number found");
}

/** The same number with its check digit changed, so it fails Modulus 11. */
export function withWrongCheckDigit(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 9)}${(Number(nhsNumber[9]) + 1) % 10}`;
}
