"""The actor map: the key actors as nodes, linked when the articles name them together."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from briefgen.models import Actor, Briefing
from briefgen.render.svg import clip, num, svg_root, text_width, to_string

WIDTH, HEIGHT = 640.0, 380.0  # HEIGHT for a full map; a map of few actors is shorter
LEGEND = 22.0  # room for the legend under the graph
FONT = 10.0
PAD_X, PAD_Y = 70.0, 26.0  # keeps nodes far enough from the edges for their labels
EDGES_PER_NODE = 2
SEED = 11
GRAVITY = 0.1  # weight of the invisible springs that hold unlinked actors near the others
LINE_COST = 40.0  # a line through a label costs as much as 40 square units of overlap with another label  # the spring layout's fixed seed: same input, same picture
KINDS = ("person", "organization", "place", "group")


def actor_map_svg(briefing: Briefing, limit: int, css: str = "") -> str:
    """The top `limit` actors and the links between them as an SVG (empty string when there are none)."""
    actors = briefing.actors[:limit]
    if not actors:
        return ""
    names = [a.name for a in actors]
    among = [link for link in briefing.links if link.a in names and link.b in names]
    # Beyond about two lines per node the map turns into a hairball; the weakest links go first.
    links = among[: EDGES_PER_NODE * len(names)]
    height = min(HEIGHT, 150.0 + 20.0 * len(actors))
    pos = _layout(names, links, height)
    most = max(a.mentions for a in actors) or 1
    radius = {a.name: 5.0 + 12.0 * (a.mentions / most) ** 0.5 for a in actors}
    heaviest = max((link.weight for link in links), default=1)

    strongest = ", ".join(f"{link.a} and {link.b} ({link.weight})" for link in links[:3])
    desc = (f"The {len(actors)} most important actor{'s' * (len(actors) != 1)}, each a shape sized by mentions "
            f"(circle: person, square: organization, diamond: place, triangle: group); a line joins two actors "
            f"named in the same sentence or quote, thicker the more often. "
            + (f"Most often together: {strongest}." if links else "No two of them are named together.")
            + (f" The {len(links)} strongest of {len(among)} links are drawn." if len(links) < len(among) else ""))
    root = svg_root(WIDTH, height, ident="actor-map", klass="actor-map-svg", title=f"Actor map of {briefing.title}", desc=desc, css=css)

    edges = ET.SubElement(root, "g", {"class": "links"})
    for link in links:
        (x1, y1), (x2, y2) = pos[link.a], pos[link.b]
        heavy = " strong" if link.weight * 2 > heaviest else ""
        line = ET.SubElement(edges, "line", {"class": f"link{heavy}", "x1": num(x1), "y1": num(y1), "x2": num(x2), "y2": num(y2),
                                             "stroke-width": num(0.8 + 3.2 * link.weight / heaviest)})
        ET.SubElement(line, "title").text = f"{link.a} and {link.b}: named together {link.weight} time{'s' * (link.weight != 1)}"

    nodes = ET.SubElement(root, "g", {"class": "nodes"})
    for a in actors:
        g = ET.SubElement(nodes, "g", {"class": f"actor {a.kind}"})
        _shape(g, a.kind, *pos[a.name], radius[a.name])
        ET.SubElement(g, "title").text = f"{a.name} ({a.kind}), {a.mentions} mention{'s' * (a.mentions != 1)}"

    labels = ET.SubElement(root, "g", {"class": "actor-labels"})
    segments = [(pos[link.a], pos[link.b]) for link in links]
    for a, (x, y, anchor) in zip(actors, _place_labels(actors, pos, radius, segments, height)):
        # A light box under the label keeps it readable where lines cross it.
        ET.SubElement(labels, "rect", {"class": "label-bg", "x": num(x - 1), "y": num(y - FONT + 1),
                                       "width": num(_label_width(a) + 2), "height": num(FONT + 2)})
        ET.SubElement(labels, "text", {"class": f"actor-label {a.kind}", "x": num(x), "y": num(y), "text-anchor": anchor}).text = _label(a)

    _legend(root, sorted({a.kind for a in actors}, key=KINDS.index), height)
    return to_string(root)


def _label(a: Actor) -> str:
    return clip(a.name, 26)


def _label_width(a: Actor) -> float:
    return text_width(_label(a), FONT) * 1.1  # labels are bold, about a tenth wider than regular text


def _layout(names: list[str], links, height: float) -> dict[str, tuple[float, float]]:
    """Node centres in viewBox units: linked actors by networkx's seeded spring layout, unlinked ones in a row below."""
    in_links = {n for link in links for n in (link.a, link.b)}
    linked = [n for n in names if n in in_links]
    alone = [n for n in names if n not in in_links]
    bottom = height - LEGEND - (PAD_Y if alone else 0)  # the row of unlinked actors sits above the legend
    pos = {}
    for i, n in enumerate(alone):
        # Spread evenly, label room on both sides; these actors are named with none of the others.
        pos[n] = (round(PAD_X + (WIDTH - 2 * PAD_X) * (i + 0.5) / len(alone), 1), round(bottom, 1))
    if len(linked) == 1:  # cannot happen with links between shown actors, kept for safety
        pos[linked[0]] = (WIDTH / 2, round(bottom / 2, 1))
    elif linked:
        pos.update(_spring(linked, links, top=PAD_Y, bottom=bottom - (1.5 * PAD_Y if alone else PAD_Y)))
    return pos


def _spring(names: list[str], links, *, top: float, bottom: float) -> dict[str, tuple[float, float]]:
    import networkx as nx  # imported here: drawing is the only use, and start-up stays fast

    graph = nx.Graph()
    graph.add_nodes_from(names)
    graph.add_weighted_edges_from((link.a, link.b, link.weight) for link in links)
    # Faint springs between all other pairs act as gravity: without them separate groups drift
    # to the corners and the rescaling squeezes each into a small part of the picture.
    linked = {(link.a, link.b) for link in links} | {(link.b, link.a) for link in links}
    graph.add_weighted_edges_from((a, b, GRAVITY) for i, a in enumerate(names) for b in names[i + 1:] if (a, b) not in linked)
    # k a little above the default 1/sqrt(n) spreads the nodes so their labels have room.
    raw = nx.spring_layout(graph, seed=SEED, k=1.8 / len(names) ** 0.5, iterations=200, weight="weight")
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        n: (round(PAD_X + (WIDTH - 2 * PAD_X) * (float(raw[n][0]) - min(xs)) / span_x, 1),
            round(top + (bottom - top) * (float(raw[n][1]) - min(ys)) / span_y, 1))
        for n in names
    }


def _shape(parent: ET.Element, kind: str, x: float, y: float, r: float) -> None:
    """Circle for a person, square for an organization, diamond for a place, triangle for a group."""
    if kind == "person":
        ET.SubElement(parent, "circle", {"class": "node", "cx": num(x), "cy": num(y), "r": num(r)})
    elif kind == "organization":
        s = r * 0.9
        ET.SubElement(parent, "rect", {"class": "node", "x": num(x - s), "y": num(y - s), "width": num(2 * s), "height": num(2 * s)})
    else:
        pts = ([(x, y - r), (x + r, y), (x, y + r), (x - r, y)] if kind == "place"
               else [(x, y - r), (x + r * 0.95, y + r * 0.7), (x - r * 0.95, y + r * 0.7)])
        ET.SubElement(parent, "polygon", {"class": "node", "points": " ".join(f"{num(px)},{num(py)}" for px, py in pts)})


def _place_labels(actors: list[Actor], pos, radius, segments, height: float) -> list[tuple[float, float, str]]:
    """A spot for each label that covers no node, no label placed before it (most mentioned first), and few lines.

    A greedy pass over a few candidate spots per label (below, above, right, left, farther out);
    it is the usual cartographic approach and enough for a dozen labels, where a force-based
    label layout would add a dependency for little gain.
    """
    boxes = [(x - r, y - r, x + r, y + r) for a in actors for (x, y), r in [(pos[a.name], radius[a.name])]]
    placed: dict[int, tuple[float, float, str]] = {}
    order = sorted(range(len(actors)), key=lambda i: (-actors[i].mentions, i))
    for i in order:
        a = actors[i]
        (x, y), r = pos[a.name], radius[a.name]
        w = _label_width(a)
        candidates = [
            (x, y + r + FONT + 1, "middle"), (x, y - r - 3, "middle"),
            (x + r + 3, y + FONT / 3, "start"), (x - r - 3, y + FONT / 3, "end"),
            (x, y + r + 2 * FONT + 2, "middle"), (x, y - r - FONT - 4, "middle"),
            (x + r + 3, y - r, "start"), (x - r - 3, y - r, "end"),
            (x + r + 3, y + r + FONT, "start"), (x - r - 3, y + r + FONT, "end"),
        ]
        best, best_cost = None, None
        for cx, cy, anchor in candidates:
            left = cx - w / 2 if anchor == "middle" else cx if anchor == "start" else cx - w
            left = min(max(left, 2.0), WIDTH - 2 - w)
            cy = min(max(cy, FONT + 2), height - LEGEND - 2)
            box = (left, cy - FONT + 1, left + w, cy + 2)
            cost = (sum(_overlap(box, b) for j, b in enumerate(boxes) if j != i) + sum(_overlap(box, b) for b in _label_boxes(placed))
                    + LINE_COST * sum(_crosses(box, seg) for seg in segments))
            if best_cost is None or cost < best_cost:
                best, best_cost = (box, left), cost
            if cost == 0:
                break
        box, left = best
        placed[i] = (left, box[3] - 2, "start", box)
    return [placed[i][:3] for i in range(len(actors))]


def _label_boxes(placed: dict) -> list[tuple[float, float, float, float]]:
    return [p[3] for p in placed.values()]


def _crosses(box, segment) -> bool:
    """Whether a line passes through the box (sampled: exact clipping is not needed at this scale)."""
    (x1, y1), (x2, y2) = segment
    steps = 24
    return any(box[0] <= x1 + (x2 - x1) * t / steps <= box[2] and box[1] <= y1 + (y2 - y1) * t / steps <= box[3]
               for t in range(1, steps))


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _legend(root: ET.Element, kinds: list[str], height: float) -> None:
    """A key to the shapes and the line width under the graph."""
    g = ET.SubElement(root, "g", {"class": "legend"})
    y = height - 8
    x = 8.0
    for kind in kinds:
        k = ET.SubElement(g, "g", {"class": f"actor {kind}"})
        _shape(k, kind, x + 5, y - 3, 5)
        ET.SubElement(g, "text", {"class": "legend-label", "x": num(x + 14), "y": num(y)}).text = kind
        x += 14 + text_width(kind, FONT) + 12
    ET.SubElement(g, "line", {"class": "link", "x1": num(x), "y1": num(y - 3), "x2": num(x + 18), "y2": num(y - 3), "stroke-width": "2.4"})
    ET.SubElement(g, "text", {"class": "legend-label", "x": num(x + 24), "y": num(y)}).text = "named together (thicker: more often)"
