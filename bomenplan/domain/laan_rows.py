"""Tree rows found by detection: merging rows split by a long gap, pairing the two sides of
a street. Rows hold indices into the detector's position arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

MAX_END_ANGLE_DEG = 12.0
MAX_GAP_RESIDUAL = 0.3  # a gap between two rows is a whole number of spacings
MAX_PARALLEL_ANGLE_DEG = 15.0
MIN_OVERLAP_SHARE = 0.5
MIN_ROW_DISTANCE_M = 3.0


@dataclass(eq=False)
class Row:
    positions: np.ndarray  # ordered indices into x / y
    spacing: float
    street: int  # street code, -1 unknown


def _same_street(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a == b) | (a < 0) | (b < 0)


def row_lines(rows: list[Row], x, y) -> np.ndarray:
    """One LineString per row, built in bulk."""
    if not rows:
        return np.empty(0, dtype=object)
    idx = np.concatenate([r.positions for r in rows])
    which = np.repeat(np.arange(len(rows)), [len(r.positions) for r in rows])
    return shapely.linestrings(x[idx], y[idx], indices=which)


def merge_collinear_rows(rows: list[Row], x, y, gap_spacings: float) -> list[Row]:
    """Join rows whose ends face each other on one line, a gap of up to `gap_spacings` apart."""
    if len(rows) < 2:
        return rows
    end_xy, outward, spacing, street = [], [], [], []
    for row in rows:
        p = np.column_stack([x[row.positions], y[row.positions]])
        back = min(2, len(p) - 1)
        for tip, inner in ((p[0], p[back]), (p[-1], p[-1 - back])):
            v = tip - inner
            end_xy.append(tip)
            outward.append(v / max(np.hypot(*v), 1e-9))
            spacing.append(row.spacing)
            street.append(row.street)
    end_xy, outward = np.array(end_xy), np.array(outward)
    spacing, street = np.array(spacing), np.array(street)
    pts = shapely.points(end_xy)
    a, b = shapely.STRtree(pts).query(pts, predicate="dwithin", distance=gap_spacings * spacing)
    ok = (a // 2 != b // 2) & _same_street(street[a], street[b])
    ok &= np.maximum(spacing[a], spacing[b]) <= 1.3 * np.minimum(spacing[a], spacing[b])
    a, b = a[ok], b[ok]
    c = end_xy[b] - end_xy[a]
    d = np.hypot(c[:, 0], c[:, 1])
    with np.errstate(invalid="ignore", divide="ignore"):
        u = c / d[:, None]
    cos_limit = np.cos(np.radians(MAX_END_ANGLE_DEG))
    facing = ((outward[a] * u).sum(axis=1) >= cos_limit) & ((outward[b] * -u).sum(axis=1) >= cos_limit)
    a, b, d = a[facing], b[facing], d[facing]
    multiple = d / spacing[a]
    whole = (np.abs(multiple - np.round(multiple)) <= MAX_GAP_RESIDUAL) & (multiple >= 0.7)
    a, b, d = a[whole], b[whole], d[whole]
    link = np.full(len(end_xy), -1, dtype=np.int64)
    parent = list(range(len(rows)))

    def root(r: int) -> int:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for k in np.argsort(d, kind="stable").tolist():
        ea, eb = int(a[k]), int(b[k])
        if link[ea] >= 0 or link[eb] >= 0 or root(ea // 2) == root(eb // 2):
            continue
        link[ea], link[eb] = eb, ea
        parent[root(ea // 2)] = root(eb // 2)
    return _follow_links(rows, link)


def _follow_links(rows: list[Row], link: np.ndarray) -> list[Row]:
    """Walk every linked sequence of rows from a free end; rows in a closed loop stay apart."""
    merged, seen = [], np.zeros(len(rows), dtype=bool)
    for r in range(len(rows)):
        if seen[r] or (link[2 * r] >= 0 and link[2 * r + 1] >= 0):
            continue
        entry = 2 * r if link[2 * r] < 0 else 2 * r + 1
        parts, members = [], []
        while entry >= 0:
            row = rows[entry // 2]
            seen[entry // 2] = True
            members.append(row)
            parts.append(row.positions if entry % 2 == 0 else row.positions[::-1])
            exit_end = entry ^ 1
            entry = int(link[exit_end]) if link[exit_end] >= 0 else -1
        weights = [len(m.positions) for m in members]
        merged.append(Row(positions=np.concatenate(parts),
                          spacing=float(np.average([m.spacing for m in members], weights=weights)),
                          street=max(m.street for m in members)))
    merged.extend(rows[r] for r in np.flatnonzero(~seen).tolist())
    return merged


def pair_rows(rows: list[Row], max_distance: float, x, y) -> list[list[Row]]:
    """Group rows into lanen: parallel rows on both sides of one street pair up, others alone."""
    if not rows:
        return []
    lines = row_lines(rows, x, y)
    start = np.array([[x[r.positions[0]], y[r.positions[0]]] for r in rows])
    end = np.array([[x[r.positions[-1]], y[r.positions[-1]]] for r in rows])
    direction = end - start
    direction /= np.maximum(np.hypot(direction[:, 0], direction[:, 1]), 1e-9)[:, None]
    street = np.array([r.street for r in rows])
    length = shapely.length(lines)
    a, b = shapely.STRtree(lines).query(lines, predicate="dwithin", distance=max_distance)
    ok = (a < b) & _same_street(street[a], street[b])
    ok &= np.abs((direction[a] * direction[b]).sum(axis=1)) >= np.cos(np.radians(MAX_PARALLEL_ANGLE_DEG))
    a, b = a[ok], b[ok]
    s1 = shapely.line_locate_point(lines[a], shapely.points(start[b]))
    s2 = shapely.line_locate_point(lines[a], shapely.points(end[b]))
    overlap = np.clip(np.maximum(s1, s2), 0, length[a]) - np.clip(np.minimum(s1, s2), 0, length[a])
    share = overlap / np.maximum(np.minimum(length[a], length[b]), 1e-9)
    mid = shapely.line_interpolate_point(lines[b], 0.5, normalized=True)
    gap = shapely.distance(lines[a], mid)
    ok = (share >= MIN_OVERLAP_SHARE) & (gap >= MIN_ROW_DISTANCE_M) & (gap <= max_distance)
    ok &= ~shapely.intersects(lines[a], lines[b])
    a, b, share, gap = a[ok], b[ok], share[ok], gap[ok]
    used = np.zeros(len(rows), dtype=bool)
    groups = []
    for k in np.lexsort((gap, -share)).tolist():
        if used[a[k]] or used[b[k]]:
            continue
        used[a[k]] = used[b[k]] = True
        groups.append([rows[a[k]], rows[b[k]]])
    groups.extend([rows[r]] for r in np.flatnonzero(~used).tolist())
    return groups
