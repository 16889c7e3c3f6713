// Firestore 12 bundles re2js (≈40 KB gzip) only to evaluate regex/LIKE in Pipeline queries, which
// this app never uses; Vite aliases `re2js` here to keep it out of the resident's bundle.
export const RE2JS = {
  compile(): never {
    throw new Error('regular expressions in Firestore pipelines are not used by this app');
  },
};
