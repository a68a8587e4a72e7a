// natural is imported by module path (its package root loads database clients). These declare the
// few deep modules Tidings uses, with the shapes their CommonJS files really export.

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_de' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_it' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_nl' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_no' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_pt' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_ru' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_sv' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_uk' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_es' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_fa' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_it' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_nl' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_no' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_pl' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_pt' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_ru' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_sv' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_uk' {
  export const words: string[];
}

declare module 'natural/lib/natural/tokenizers/sentence_tokenizer' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/util/abbreviations_en' {
  export const knownAbbreviations: string[];
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: { restricted?: boolean }): number;
}
