/**
 * Everyday English words that say nothing about which support someone wants (issue 13): "someone to help
 * my dad get up in the morning" searches for "help dad get up morning". Meilisearch ignores them in
 * queries (`stopWords`). Kept out: words that carry care meaning ("up", "out", "night", "home", "help"),
 * and anything in a synonym group. People's relations ("mum", "gran") are here: they never tell the kind
 * of support. Pure data, lower case.
 */
export const STOP_WORDS: readonly string[] = [
  // Articles, conjunctions, prepositions.
  ...["a", "an", "the", "and", "or", "but", "so", "if", "because", "while", "as", "than", "then"],
  // Not "at", "in", "on": they belong to "care at home", "live in", "sleep in", "on his own".
  ...["to", "of", "for", "by", "with", "from", "into", "onto", "about", "near", "around"],
  // Pronouns and possessives.
  ...["i", "i'm", "im", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers"],
  ...["they", "them", "their", "it", "its", "this", "that", "these", "those", "who", "which", "what"],
  ...["where", "when", "how", "there", "here", "someone", "somebody", "anyone", "anybody", "something"],
  // Verbs of asking.
  ...["is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did", "can"],
  ...["could", "would", "should", "will", "want", "wants", "wanted", "need", "needs", "needed", "needing"],
  ...[
    "looking",
    "look",
    "find",
    "organise",
    "organize",
    "arrange",
    "please",
    "like",
    "just",
    "also",
    "very",
    "some",
    "any",
    "bit",
    "lot",
  ],
  // Relations: who the support is for, never what it is.
  ...["mum", "mom", "mother", "dad", "father", "wife", "husband", "partner", "son", "daughter", "gran"],
  ...["grandma", "grandad", "grandpa", "nan", "nana", "aunt", "uncle", "brother", "sister"],
  ...["neighbour", "relative", "old", "man", "woman", "lady", "gentleman", "person"],
];
