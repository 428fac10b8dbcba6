/** Folds case, accents and punctuation so "São Paulo" and "sao  paulo." compare equal. */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
