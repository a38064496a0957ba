import { cleanText } from "../text/normalise-text.js";

/**
 * NHS numbers: 10 digits, written "943 476 5919", "943-476-5919" or "9434765919".
 * The tenth digit is a Modulus 11 check digit; a number that fails it is
 * reported as invalid and never kept.
 */
export type NhsNumberFinding = { readonly kind: "valid"; readonly nhsNumber: string } | { readonly kind: "invalid" } | { readonly kind: "none" };

const candidate = /(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g;

/** True when the ten digits pass the NHS Modulus 11 check. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function extractNhsNumber(text: string): NhsNumberFinding {
  let sawInvalid = false;
  // NFKC turns full-width digits into ASCII; zero-width characters inside the number are removed.
  for (const match of cleanText(text).matchAll(candidate)) {
    const digits = `${match[1]}${match[2]}${match[3]}`;
    // A UK phone number starts with 0; NHS numbers never do.
    if (digits.startsWith("0")) continue;
    if (isValidNhsNumber(digits)) return { kind: "valid", nhsNumber: digits };
    sawInvalid = true;
  }
  return sawInvalid ? { kind: "invalid" } : { kind: "none" };
}
