"""The words speaker resolution reads a subject by: pronouns, and nouns for documents, institutions,
people described without a name, relatives and recordings."""
from __future__ import annotations

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "it"}
# Nouns for texts and channels that speak for an organization: "the statement said".
DOCUMENT_NOUNS = {"statement", "report", "release", "communique", "communiqué", "announcement", "letter",
                  "agency", "ministry", "newspaper", "paper", "outlet", "network", "channel", "website",
                  "site", "magazine", "broadcaster", "spokesman", "spokeswoman", "spokesperson", "office",
                  "department", "government", "embassy", "service", "television", "radio", "daily", "group",
                  "company", "organization", "organisation", "campaign", "party", "committee", "council",
                  "document", "memo", "text", "declaration", "post", "tweet", "message", "video", "account",
                  "military", "army", "navy"}
INSTITUTION_NOUNS = {"administration", "government", "campaign", "team", "camp", "cabinet", "family", "foundation", "regime"}
# Descriptions that stand for one person: matched against the role words of the article's actors.
PERSON_NOUNS = {"man", "woman", "official", "leader", "source", "candidate", "nominee", "lawmaker", "senator",
                "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy",
                "ambassador", "chairman", "chairwoman", "chair", "director", "chief", "head", "governor",
                "mayor", "diplomat", "general", "commander", "prime", "premier", "king", "queen", "prince",
                "judge", "lawyer", "attorney", "advisor", "adviser", "aide", "representative", "congressman",
                "congresswoman", "deputy", "executive", "founder", "analyst", "expert", "professor", "author",
                "speaker", "narrator", "caller", "voice", "witness", "resident", "spokesperson", "chancellor",
                "businessman", "businesswoman", "economist", "strategist", "activist", "officer"}
PERSON_NOUN_SET = frozenset(PERSON_NOUNS)
# Determiners that make a singular noun one person a reader can later call "he" or "she".
REFERRING_DETS = {"the", "this", "that", "a", "an"}
# People defined by whose they are: "Roe's wife said" is not Roe speaking.
KIN_NOUNS = {"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "child", "parent",
             "relative", "family", "friend", "partner", "widow", "widower", "cousin", "uncle", "aunt", "niece",
             "nephew", "grandson", "granddaughter", "stepmother", "stepfather", "fiancé", "fiancée", "girlfriend",
             "boyfriend", "colleague", "rival", "opponent", "successor", "predecessor", "ally", "boss"}
# Recordings whose words an article quotes from "the speaker" or "the voice".
RECORDING_NOUNS = frozenset({"recording", "tape", "audiotape", "videotape", "video", "audio", "message", "clip",
                             "broadcast", "footage", "audio-recording"})
VOICE_NOUNS = {"speaker", "voice", "narrator"}
# Nouns that describe someone without being a title one would use for a named actor: "the man" is a
# new person, while "the Republican nominee" is often another way to name the person just named.
GENERIC_PERSON_NOUNS = {"man", "woman", "speaker", "voice", "narrator", "caller", "witness", "resident",
                        "source", "official"}
# Nouns that name people, in the plural above all ("relatives", "residents", "police"), beyond the
# titles above; and words a crowd is named by in the singular ("the crew said ... they").
PEOPLE_NOUNS = {"people", "person", "police", "authority", "expert", "member", "resident", "citizen", "critic",
                "suspect", "victim", "survivor", "guest", "veteran", "troop", "folk", "worker", "employee",
                "student", "kid", "teen", "youth", "villager", "delegate", "advocate", "scholar", "refugee",
                "detainee", "hostage", "patient", "nurse", "soldier", "civilian", "fan", "neighbor",
                "neighbour", "staffer", "insider", "immigrant", "migrant", "militant", "rebel", "gunman",
                "juror", "guard", "other", "democrat", "republican", "conservative", "liberal", "progressive",
                "moderate", "parishioner", "tourist", "pilgrim", "mourner", "onlooker", "bystander", "passenger",
                "shareholder", "investor", "consumer", "customer", "client", "tenant", "settler", "inmate",
                "prisoner", "crew", "staff", "crowd", "audience", "jury", "public", "couple"}
COLLECTIVE_NOUNS = frozenset({"crew", "staff", "crowd", "audience", "jury", "public", "couple", "police"})
# Agentive endings ("protester", "investigator", "economist", "politician", "consultant", "nominee")
# name people; these common words end the same way and do not.
_PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
_NOT_PEOPLE = {"number", "answer", "power", "paper", "letter", "matter", "order", "border", "center", "centre",
               "water", "computer", "corner", "chapter", "quarter", "meter", "layer", "tower", "river", "weather",
               "summer", "winter", "october", "november", "december", "september", "factor", "sector", "error",
               "floor", "door", "color", "colour", "mirror", "motor", "corridor", "behavior", "behaviour",
               "favor", "labor", "labour", "honor", "humor", "event", "percent", "plant", "content", "extent",
               "incident", "accident", "component", "patent", "talent", "restaurant", "fee", "tree", "degree",
               "guarantee", "coffee", "filter", "offer", "cancer", "disaster", "theater", "theatre",
               "register", "barrier", "poster", "banner", "trailer", "charter", "counter",
               "shelter", "finger", "leather", "shoulder", "cluster", "canister", "sticker", "printer", "trigger",
               "monitor", "tractor", "indicator", "elevator", "refrigerator", "generator", "reactor", "sensor",
               "processor", "interceptor", "launcher", "destroyer", "tanker", "container", "helicopter", "freighter",
               "airliner", "jetliner", "booster", "transformer", "scanner", "thruster", "propeller", "excavator",
               "simulator", "accelerator", "detector", "projector", "radiator", "incubator", "calculator"}


def is_person_noun(lemma: str) -> bool:
    """Whether a common noun (by lemma) names people: a title, a relative, a word for people, or an
    agentive form ("protester", "economist") that is not one of the common non-person words so ending."""
    lemma = lemma.lower()
    if lemma in PERSON_NOUNS or lemma in KIN_NOUNS or lemma in PEOPLE_NOUNS:
        return True
    if lemma in DOCUMENT_NOUNS or lemma in INSTITUTION_NOUNS or lemma in RECORDING_NOUNS or lemma in _NOT_PEOPLE:
        return False
    return len(lemma) >= 6 and lemma.endswith(_PEOPLE_SUFFIXES) and not lemma.endswith("ment")


# Descriptions that speak for the organization named with them: "a Google spokeswoman said" is Google.
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative"}

#: People whose published research speaks for the firm that employs them: "analysts at Jefferies wrote".
RESEARCH_STAFF = frozenset({"analyst", "economist", "strategist"})
