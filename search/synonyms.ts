/**
 * UK social-care vocabulary. People search in their own words ("home help",
 * "PA", "sitter") while providers describe services in sector terms
 * ("domiciliary care", "personal assistant"). Each group is a set of terms
 * treated as interchangeable; synonymsMap() turns the groups into the
 * key → synonyms map Meilisearch expects (it applies synonyms one way only).
 * Pure data: imported by both the server settings and unit tests.
 */
export type SynonymGroup = readonly string[];

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  ["home help", "home care", "domiciliary care", "care at home", "homecare"],
  ["pa", "personal assistant", "personal assistants", "carer i employ", "employ a carer", "self-employed carer"],
  // Issue 14: people who employ their own support call a PA a support worker too.
  ["support worker", "personal assistant"],
  ["respite", "respite care", "short break", "short breaks"],
  ["day centre", "day center", "day service", "day services", "day opportunities", "day care"],
  ["sitting service", "sitter", "home sitting", "carer sitting"],
  ["shopping help", "shopping support", "help with shopping", "shopping service"],
  ["befriending", "befriender", "companionship", "companion", "visiting service"],
  ["meals on wheels", "meal delivery", "meals service", "hot meals delivered"],
  ["personal care", "washing and dressing", "help with washing", "bathing support"],
  ["supported living", "supported housing", "supported accommodation"],
  ["learning disability", "learning disabilities", "learning difficulty", "learning difficulties"],
  ["dementia", "alzheimers", "memory loss", "memory problems"],
  ["carer", "caregiver", "family carer", "unpaid carer"],
  ["care worker", "support worker", "care assistant", "care staff"],
  ["live-in care", "live in care", "live-in carer", "live in carer"],
  ["night care", "overnight care", "night sitting", "waking night", "sleep-in"],
  ["domestic help", "cleaning", "cleaner", "housework", "domestic support"],
  ["gardening", "garden help", "garden maintenance", "gardener"],
  ["transport", "travel support", "travel assistance", "accompanied travel"],
  ["mental health", "emotional wellbeing", "mental wellbeing", "psychological support"],
  ["autism", "autistic", "asd", "autism spectrum"],
  ["physical disability", "physical disabilities", "mobility impairment", "mobility problems"],
  ["sensory impairment", "sensory loss", "sensory support"],
  // Sight and hearing stay apart: someone searching one does not want the other.
  ["sight loss", "visual impairment", "partially sighted"],
  ["hearing loss", "hearing impairment", "hard of hearing"],
  ["end of life care", "palliative care", "end-of-life care"],
  ["reablement", "intermediate care", "rehabilitation", "recovery at home"],
  ["direct payment", "direct payments", "personal budget", "individual budget"],
  ["care home", "residential care", "residential home", "nursing home"],
  ["nursing care", "nursing", "nurse"],
  ["medication support", "medication prompting", "medicine management", "help with medication"],
  ["social activities", "community activities", "social inclusion", "community access"],
  ["pet care", "dog walking", "pet sitting"],
  ["laundry", "ironing", "washing clothes"],
  ["handyperson", "handyman", "odd jobs", "diy help", "small repairs"],
  ["occupational therapy", "occupational therapist", "ot"],
  ["physiotherapy", "physio", "physiotherapist"],
  ["hospital discharge", "discharge support", "home from hospital"],
  ["older people", "elderly", "older adults", "seniors", "over 65s"],
  ["acquired brain injury", "brain injury", "abi"],
  ["continence care", "incontinence support", "continence support"],
  ["advocacy", "advocate", "independent advocacy"],
  ["employment support", "supported employment", "job coaching"],
  ["outreach", "floating support", "community support"],
  ["chiropody", "podiatry", "foot care"],
  ["mobile hairdresser", "hairdressing at home", "home hairdressing"],
  ["cqc", "care quality commission"],
  // Issue 13: the words people use for equipment and mobility aids, advocacy, company, sitting,
  // transport, outings, getting up and going to bed, bathing and memory problems.
  ["hoist", "patient hoist", "mobile hoist", "ceiling hoist", "lifting equipment"],
  ["walking frame", "zimmer frame", "zimmer", "walker", "rollator", "walking aid", "walking aids"],
  ["walking stick", "walking sticks", "crutches", "cane"],
  ["wheelchair", "wheel chair", "wheelchairs", "push chair"],
  ["mobility scooter", "scooter", "mobility aid", "mobility aids"],
  ["stairlift", "stair lift", "stair chair", "stairs"],
  ["grab rail", "grab rails", "hand rail", "handrail", "bannister"],
  ["bath lift", "bath seat", "bath chair", "shower chair", "shower seat"],
  ["equipment", "aids and adaptations", "daily living aids", "disability equipment", "adaptations"],
  ["speak up", "speaking up", "advocate", "advocacy", "voice heard"],
  ["appeal", "appeals", "challenge a decision", "complain", "complaint", "complaints"],
  ["benefit forms", "benefits", "forms", "paperwork", "form filling"],
  ["lonely", "loneliness", "isolated", "isolation", "befriending", "company"],
  ["a chat", "chat", "cuppa", "cup of tea", "natter"],
  ["sit with", "sitter", "sitting service", "sitting", "keep an eye"],
  ["night sitter", "night sitting", "overnight", "stay overnight", "through the night"],
  ["dial a ride", "dial-a-ride", "community transport", "minibus", "transport", "driver", "lift"],
  ["travelling", "traveling", "travel", "journeys", "getting about", "transport"],
  ["outing", "outings", "trip", "trips", "day trip", "day trips", "days out", "excursion"],
  ["get up", "getting up", "get out of bed", "morning call", "morning calls", "morning"],
  ["go to bed", "going to bed", "getting to bed", "bedtime", "bed time", "tuck in", "ready for bed"],
  ["bath", "bathing", "have a bath", "shower", "showering", "wash", "hair washing"],
  ["forgetful", "forgetfulness", "confused", "confusion", "memory", "memory problems", "dementia"],
  ["memory cafe", "memory café", "dementia cafe", "dementia café", "reminiscence"],
  ["toenails", "toenail cutting", "nail cutting", "foot care", "chiropodist", "feet"],
  ["hairdresser", "haircut", "hair cut", "barber", "hair", "mobile hairdresser"],
  ["dog walker", "dog walking", "walk the dog", "dog", "pet"],
  ["tablets", "pills", "medicine", "medicines", "medication", "prescriptions"],
  ["job", "jobs", "work", "employment", "college", "volunteering"],
  ["own flat", "own home", "own place", "live on his own", "live on her own", "living alone", "tenancy"],
  ["lunch club", "luncheon club", "dinner club", "lunch"],
  ["hot dinners", "hot meals", "dinners", "dinner", "hot lunch"],
  ["art", "arts and crafts", "craft", "crafts", "painting", "pottery"],
  ["classes", "class", "sessions", "session", "lessons", "course"],
  ["autistic", "autism", "aspergers", "asperger's"],
  ["wheelchair accessible", "wheelchair users", "accessible"],
  ["break", "a break", "time off", "rest", "breather", "respite"],
  ["holiday", "holidays", "going away", "respite stay"],
  ["help", "support", "assistance", "a hand"],
  ["hospital appointment", "hospital appointments", "clinic", "doctor's", "doctors", "gp"],
];

/** Lower-case, trimmed, single-spaced: how terms are compared and stored. */
export function normaliseTerm(term: string): string {
  return term.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Expands groups into mutual synonyms: every term maps to every other term of
 * each group it belongs to. A term in several groups gets the union (so the
 * map stays symmetric), never itself. Output is sorted for stable diffs.
 */
export function synonymsMap(groups: readonly SynonymGroup[]): Record<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map(normaliseTerm).filter((t) => t.length > 0))];
    if (terms.length < 2) {
      throw new Error(`Synonym group needs at least two distinct terms: ${JSON.stringify(group)}`);
    }
    for (const term of terms) {
      let set = sets.get(term);
      if (!set) sets.set(term, (set = new Set()));
      for (const other of terms) if (other !== term) set.add(other);
    }
  }
  const map: Record<string, string[]> = {};
  for (const term of [...sets.keys()].sort()) {
    map[term] = [...(sets.get(term) ?? [])].sort();
  }
  return map;
}
