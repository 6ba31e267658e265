"""Each extractor's cost as a share of spaCy's own parse time on the same texts.

    python -m bench.stages 100          # targets: quotes <= 0.10 (issue 3), dates <= 0.10 (issue 5)

One run: parse every article with nlp.pipe (timed), then run the extractors over the parsed Docs in
the order briefgen runs them, timing each; the Docs' cached pieces are cleared first, so the first
extractor that needs sentences pays for them as it does in a real run. Also useful as a profile of
where the extraction overhead of bench.extract_overhead goes.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from bench.common import corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--model", default="en_core_web_sm")
    ap.add_argument("--runs", type=int, default=3, help="Extraction passes over the parsed Docs (median kept).")
    ap.add_argument("paths", nargs="*", help="Articles to use instead of the generated corpus.")
    a = ap.parse_args()

    from briefgen.extract import actors, dates, events, questions, quotes, summary
    from briefgen.extract.cooccurrence import actor_links
    from briefgen.extract.nlp import load_pipeline
    from briefgen.ingest import load_articles

    paths = a.paths or [str(p) for p in corpus(a.n)]
    nlp = load_pipeline(a.model)
    articles = load_articles(paths).articles
    texts = [x.text for x in articles]
    list(nlp.pipe(texts[:4]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0

    def one_pass() -> Counter:
        t: Counter = Counter()
        for doc, art in zip(docs, articles):
            doc.user_data.clear()
            c0 = time.perf_counter()
            index = actors.extract_actors(doc, art)
            c1 = time.perf_counter()
            qs, st = quotes.extract_quotes(doc, art, index)
            c2 = time.perf_counter()
            dm = dates.extract_dates(doc, art)
            c3 = time.perf_counter()
            actors.rank_actors(index, art, qs + st)
            events.extract_events(doc, art, dm, index)
            questions.extract_open_questions(doc, art, index)
            questions.extract_outlook(doc, art, dm, index)
            summary.candidate_sentences(doc, art, actors=index, dates=dm)
            actor_links(doc, index, qs + st)
            c4 = time.perf_counter()
            t.update({"actors": c1 - c0, "quotes": c2 - c1, "dates": c3 - c2, "rest": c4 - c3})
        return t

    passes = [one_pass() for _ in range(a.runs)]
    out = {"bench": "stages", "articles": len(articles), "nlp_pipe_s": round(parse_s, 3)}
    for stage in ("actors", "quotes", "dates", "rest"):
        s = sorted(p[stage] for p in passes)[len(passes) // 2]
        out[f"{stage}_ratio"] = round(s / parse_s, 3)
    out["all_ratio"] = round(sorted(sum(p.values()) for p in passes)[len(passes) // 2] / parse_s, 3)
    out["targets"] = {"quotes_ratio": 0.10, "dates_ratio": 0.10}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
