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
                  "document", "memo", "text", "declaration", "post", "tweet", "message", "video", "account"}
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
