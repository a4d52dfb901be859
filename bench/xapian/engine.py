#!/usr/bin/env python3
"""Xapian side of bench/search-xapian.bench.ts: a long-lived child process, one JSON request per
line on stdin, one JSON answer per line on stdout (in order).

Xapian never tokenizes here: documents arrive as Gongkai's own terms (the lexemes of its tsvectors,
with a within-document frequency derived from their A/B/C/D weights) and queries as Gongkai's parsed
query (a tree of AND/OR over those lexemes). Every search answer carries its in-process time in
milliseconds (time.perf_counter), so the caller can tell the engine's time from the pipe's.

Requests:
  {"op": "open", "path": DIR}                        create a fresh database in DIR
  {"op": "add", "docs": [[docid, [[term, wdf], ...], [boolean term, ...], data], ...]}
  {"op": "commit"}
  {"op": "ping"}                                     empty round trip
  {"op": "search", "all": TREE, "any": TREE, "title": [TREE, ...], "filters": [term, ...],
   "exact": term or null, "limit": n, "check": n}
TREE: {"t": term} | {"and": [TREE, ...]} | {"or": [TREE, ...]}; title trees name the title's terms.
"""
import json
import sys
import time

try:
    import xapian
except ImportError as e:  # the bench reports this and skips
    sys.stdout.write(json.dumps({"error": "import", "message": str(e)}) + "\n")
    sys.stdout.flush()
    sys.exit(0)

# A title term counts like this many times a body term's best score (mirrors "share of the query's
# words in the title first" with BM25 weights, which have no fixed scale).
TITLE_SCALE = 10.0

db = None
enquire = None


def tree(node):
    if "t" in node:
        return xapian.Query(node["t"])
    op = xapian.Query.OP_AND if "and" in node else xapian.Query.OP_OR
    return xapian.Query(op, [tree(n) for n in node.get("and") or node.get("or")])


def filtered(query, filters):
    if not filters:
        return query
    return xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(xapian.Query.OP_AND, [xapian.Query(f) for f in filters]))


def ranked(words, title, filters):
    query = words
    if title:
        boost = xapian.Query(xapian.Query.OP_OR, [tree(t) for t in title])
        query = xapian.Query(xapian.Query.OP_AND_MAYBE, query, xapian.Query(xapian.Query.OP_SCALE_WEIGHT, boost, TITLE_SCALE))
    return filtered(query, filters)


def search(req):
    started = time.perf_counter()
    limit = req["limit"]
    check = req["check"]
    hits = []
    seen = set()
    total = 0
    if req.get("exact"):
        enquire.set_query(filtered(xapian.Query(req["exact"]), req["filters"]))
        mset = enquire.get_mset(0, limit, check)
        total += mset.get_matches_estimated()
        for m in mset:
            hits.append(m.docid)
            seen.add(m.docid)
    relaxed = False
    mset = None
    if req.get("all"):
        enquire.set_query(ranked(tree(req["all"]), req["title"], req["filters"]))
        mset = enquire.get_mset(0, limit, check)
        if mset.size() == 0 and not hits and req.get("any"):
            enquire.set_query(ranked(tree(req["any"]), req["title"], req["filters"]))
            mset = enquire.get_mset(0, limit, check)
            relaxed = mset.size() > 0
    if mset is not None:
        total += mset.get_matches_estimated()
        if hits:
            # A 文号 match that also has the words is counted once (Gongkai counts documents).
            enquire.set_query(filtered(xapian.Query(xapian.Query.OP_AND, xapian.Query(req["exact"]), enquire.get_query()), req["filters"]))
            total -= enquire.get_mset(0, 0, check).get_matches_estimated()
        for m in mset:
            if m.docid not in seen and len(hits) < limit:
                hits.append(m.docid)
                seen.add(m.docid)
    # Load the page's stored data, as a result page needs its titles.
    titles = [db.get_document(d).get_data() for d in hits]
    ms = (time.perf_counter() - started) * 1000
    return {"ms": ms, "ids": hits, "total": total, "relaxed": relaxed, "bytes": sum(len(t) for t in titles)}


def add(req):
    started = time.perf_counter()
    for docid, terms, booleans, data in req["docs"]:
        doc = xapian.Document()
        for term, wdf in terms:
            doc.add_term(term, wdf)
        for term in booleans:
            doc.add_boolean_term(term)
        doc.set_data(data)
        # Gongkai's ids, so both engines' hits compare; the next id in sequence is the cheaper add.
        if docid == db.get_lastdocid() + 1:
            db.add_document(doc)
        else:
            db.replace_document(docid, doc)
    return {"ms": (time.perf_counter() - started) * 1000}


def main():
    global db, enquire
    out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        if op == "ping":
            res = {}
        elif op == "search":
            res = search(req)
        elif op == "add":
            res = add(req)
        elif op == "open":
            db = xapian.WritableDatabase(req["path"], xapian.DB_CREATE_OR_OVERWRITE)
            enquire = xapian.Enquire(db)
            # Ties (equal weight): the higher docid first, i.e. the newer insert, as Gongkai's newest first.
            enquire.set_docid_order(xapian.Enquire.DESCENDING)
            res = {"version": xapian.version_string()}
        elif op == "commit":
            started = time.perf_counter()
            db.commit()
            res = {"ms": (time.perf_counter() - started) * 1000, "docs": db.get_doccount()}
        else:
            res = {"error": "unknown op " + op}
        out.write(json.dumps(res) + "\n")
        out.flush()


main()
