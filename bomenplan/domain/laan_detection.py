"""Propose lanen from the register: regular, near-straight sequences of tree positions.

Steps (all bulk numpy / STRtree, no quadratic step):
1. each position looks at its k nearest neighbours (same street, or street unknown) and picks
   the shortest pair of them that lies on a straight-ish line through it, at regular spacing;
2. links that both ends agree on form chains (every position has at most two links);
3. chains are split where the spacing is irregular and kept when long and regular enough;
4. collinear chains separated by a long gap are merged; parallel rows on both sides of a
   street become one two-sided laan (`laan_rows.py`).
Stumps, felled trees and empty plantvakken count as positions: they belong to the laan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from bomenplan.domain.boomgroep_inference import GroupSettings, fill_unknown
from bomenplan.domain.laan import Laan, spacing_is_valid
from bomenplan.domain.laan_gaps import bulk_geometry
from bomenplan.domain.laan_proposals import Detection, make_proposals, without_park_rows
from bomenplan.domain.laan_rows import Row, merge_collinear_rows, pair_rows, row_lines
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.values import Boomgroep, TreeStatus

DEFAULT_GROUPS = GroupSettings()
MIN_PIECE = 4  # pieces of a row broken by noise; merged before the min_trees check


@dataclass(frozen=True)
class DetectionSettings:
    search_radius_m: float = 32.0  # neighbours looked at; a step over 2 missing trees at 10 m
    k_neighbours: int = 6
    max_bend_deg: float = 30.0  # deviation from straight at one tree
    max_offset_m: float = 1.8  # distance of a tree from the line through its two neighbours
    max_step_multiple: int = 4  # a step of 4 spacings (3 missing trees) keeps a row together
    max_step_residual: float = 0.3  # |step / spacing - whole number|
    max_pair_residual: float = 0.45  # the same, for the two steps at one tree (both noisy)
    min_trees: int = 5  # rows along a named street
    min_trees_unnamed: int = 7  # rows found by geometry alone need more evidence
    min_regular_share: float = 0.75  # steps that are whole multiples of the spacing
    min_single_share: float = 0.5  # steps of exactly one spacing
    max_step_cv: float = 0.15  # spread of the single steps, relative to the spacing
    merge_gap_spacings: float = 12.0  # collinear rows split by a long gap merge up to this
    max_row_distance_m: float = 40.0  # two rows on both sides of one street


def detect_lanen(cols: RegisterColumns, settings: DetectionSettings = DetectionSettings(),
                 progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> list[Laan]:
    """Proposals (status voorstel, id None) for every laan found in the register."""
    return detect_lanen_report(cols, settings, progress=progress, cancelled=cancelled).lanen


def detect_lanen_report(cols: RegisterColumns, settings: DetectionSettings = DetectionSettings(),
                        groups: GroupSettings = DEFAULT_GROUPS, progress: ProgressFn = no_progress,
                        cancelled: CancelledFn = never_cancelled) -> Detection:
    """The proposals, the candidates left out (by reason) and the boomgroep inferred where the
    register has none (`boomgroep_inference.py`). One odd candidate never stops a city."""
    with bulk_geometry():
        return _detect(cols, settings, groups, progress, cancelled)


def _detect(cols: RegisterColumns, settings: DetectionSettings, groups: GroupSettings,
            progress: ProgressFn, cancelled: CancelledFn) -> Detection:
    keep = _one_position_per_site(cols)
    # Trees recorded as solitary or as a park group (boomweide) never form a laan.
    not_in_row = np.isin(cols.boomgroep[keep], (str(Boomgroep.SOLITAIR), str(Boomgroep.BOOMWEIDE)))
    keep = keep[~not_in_row]
    if len(keep) < settings.min_trees:
        return Detection([], {}, cols.boomgroep.copy(), {})
    x, y = cols.x[keep], cols.y[keep]
    street = _street_codes(cols.straat[keep])
    progress(0.05)
    pair_a, pair_b, near_i, near_j = _straight_pairs(x, y, street, settings,
                                                        groups.radius_m, cancelled)
    progress(0.45)
    check_cancelled(cancelled)
    nb = _agreed_links(x, y, pair_a, pair_b)
    chains = _walk_chains(nb, cancelled)
    progress(0.65)
    rows = []
    for chain in chains:
        rows.extend(_regular_rows(chain, x, y, street, settings, MIN_PIECE))
    check_cancelled(cancelled)
    rows = merge_collinear_rows(rows, x, y, settings.merge_gap_spacings)
    rows = [r for r in rows if len(r.positions) >= (
        settings.min_trees if r.street >= 0 else settings.min_trees_unnamed)]
    progress(0.8)
    grouped = pair_rows(rows, settings.max_row_distance_m, x, y)
    check_cancelled(cancelled)
    lines = row_lines([r for g in grouped for r in g], x, y)
    proposals, skipped = make_proposals(grouped, lines, keep, cols)
    lanen, inferred = without_park_rows(proposals, skipped, x, y, near_i, near_j,
                                        cols.boomgroep[keep], groups)
    boomgroep, counts = fill_unknown(cols.boomgroep, keep, inferred)
    progress(1.0)
    return Detection(sorted(lanen, key=lambda laan: (laan.straat, laan.name)), skipped,
                     boomgroep, counts)


def _one_position_per_site(cols: RegisterColumns) -> np.ndarray:
    """Row indices with one tree per site (the living one when a site has history)."""
    dead = (cols.status != str(TreeStatus.LEVEND)).astype(np.int8)
    order = np.lexsort((dead, cols.site_id))
    site = cols.site_id[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = site[1:] != site[:-1]
    first |= site < 0
    return np.sort(order[first])


def _street_codes(straat: np.ndarray) -> np.ndarray:
    codes: dict[str, int] = {"": -1}
    return np.fromiter((codes.setdefault(s.strip().lower() if s else "", len(codes))
                        for s in straat), dtype=np.int64, count=len(straat))


def _straight_pairs(x, y, street, s: DetectionSettings, near_radius: float,
                    cancelled) -> tuple[np.ndarray, ...]:
    """For every position the two neighbours (-1: none) that continue a straight, regular row;
    also every pair of positions within `near_radius` (at most the search radius)."""
    n = len(x)
    pts = shapely.points(x, y)
    i, j = shapely.STRtree(pts).query(pts, predicate="dwithin", distance=s.search_radius_m)
    i, j = i[i != j], j[i != j]
    d = np.hypot(x[j] - x[i], y[j] - y[i])
    near = d <= near_radius  # every close neighbour, whatever its street (boomgroep inference)
    near_i, near_j = i[near], j[near]
    ok = (street[i] == street[j]) | (street[i] < 0) | (street[j] < 0)
    i, j, d = i[ok], j[ok], d[ok]
    order = np.lexsort((d, i))
    i, j, d = i[order], j[order], d[order]
    start = np.searchsorted(i, np.arange(n))
    rank = np.arange(len(i)) - start[i]
    keep = rank < s.k_neighbours
    k = s.k_neighbours
    nbr = np.full((n, k), -1, dtype=np.int64)
    dist = np.full((n, k), np.inf)
    nbr[i[keep], rank[keep]] = j[keep]
    dist[i[keep], rank[keep]] = d[keep]
    check_cancelled(cancelled)
    best = np.full(n, np.inf)
    pair_a = np.full(n, -1, dtype=np.int64)
    pair_b = np.full(n, -1, dtype=np.int64)
    cos_limit = -np.cos(np.radians(s.max_bend_deg))
    # Neighbour offsets as (k, n) rows, computed once; a missing neighbour is NaN.
    nbr_t, dist_t = np.ascontiguousarray(nbr.T), np.ascontiguousarray(dist.T)
    dx = np.where(nbr_t >= 0, x[nbr_t] - x, np.nan)
    dy = np.where(nbr_t >= 0, y[nbr_t] - y, np.nan)
    max_ratio = s.max_step_multiple + s.max_step_residual
    for a in range(k):
        for b in range(a + 1, k):
            ax, ay, bx, by = dx[a], dy[a], dx[b], dy[b]
            da, db = dist_t[a], dist_t[b]
            with np.errstate(invalid="ignore", divide="ignore"):
                cos = (ax * bx + ay * by) / (da * db)
                ratio = db / da  # db >= da (sorted by distance)
                offset = np.abs(ax * by - ay * bx) / np.hypot(bx - ax, by - ay)
                good = (cos <= cos_limit) & (offset <= s.max_offset_m) & (ratio <= max_ratio)
                good &= np.abs(ratio - np.round(ratio)) <= s.max_pair_residual
            score = da + db
            better = good & (score < best)
            best[better] = score[better]
            pair_a[better], pair_b[better] = nbr_t[a][better], nbr_t[b][better]
    return pair_a, pair_b, near_i, near_j


def _agreed_links(x, y, pair_a, pair_b) -> np.ndarray:
    """(n, 2) neighbour table of links both ends agree on; an end position accepts one link."""
    n = len(x)
    src = np.concatenate([np.arange(n), np.arange(n)])
    dst = np.concatenate([pair_a, pair_b])
    has = dst >= 0
    src, dst = src[has], dst[has]
    mutual = (pair_a[dst] == src) | (pair_b[dst] == src)
    end = pair_a[dst] < 0
    d = np.hypot(x[dst] - x[src], y[dst] - y[src])
    end_src, end_dst, end_d = src[end], dst[end], d[end]
    order = np.lexsort((end_d, end_dst))
    end_src, end_dst = end_src[order], end_dst[order]
    first = np.ones(len(end_dst), dtype=bool)
    first[1:] = end_dst[1:] != end_dst[:-1]
    keep_src = np.concatenate([src[mutual], end_src[first], end_dst[first]])
    keep_dst = np.concatenate([dst[mutual], end_dst[first], end_src[first]])
    links = np.unique(np.stack([keep_src, keep_dst], axis=1), axis=0)
    nb = np.full((n, 2), -1, dtype=np.int64)
    order = np.argsort(links[:, 0], kind="stable")
    links = links[order]
    first = np.ones(len(links), dtype=bool)
    first[1:] = links[1:, 0] != links[:-1, 0]
    slot = np.where(first, 0, 1)
    nb[links[:, 0], slot] = links[:, 1]
    return nb


def _walk_chains(nb: np.ndarray, cancelled) -> list[list[int]]:
    """Ordered position lists of every path (and cycle) in the link table."""
    n = len(nb)
    degree = (nb >= 0).sum(axis=1)
    seen = np.zeros(n, dtype=bool)
    seen[degree == 0] = True
    chains = []
    nb_list = nb.tolist()
    starts = np.concatenate([np.flatnonzero(degree == 1), np.flatnonzero(degree == 2)])
    for count, start in enumerate(starts.tolist()):
        if seen[start]:
            continue
        if count % 20000 == 0:
            check_cancelled(cancelled)
        chain, prev, cur = [start], -1, start
        seen[start] = True
        while True:
            a, b = nb_list[cur]
            nxt = a if a != prev and a >= 0 and not seen[a] else (b if b >= 0 and not seen[b] else -1)
            if nxt < 0:
                break
            seen[nxt] = True
            chain.append(nxt)
            prev, cur = cur, nxt
        if len(chain) > 1:
            chains.append(chain)
    return chains


def _typical_step(ordered: list[float]) -> float:
    """Median of the steps up to 1.5 × their first quartile (np.percentile's linear rule),
    in plain Python: ~70k short chains make numpy's per-call overhead the cost."""
    pos = 0.25 * (len(ordered) - 1)
    lo = int(pos)
    a, b, t = ordered[lo], ordered[min(lo + 1, len(ordered) - 1)], pos - lo
    q25 = b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t
    limit = 1.5 * q25
    k = 0
    while k < len(ordered) and ordered[k] <= limit:
        k += 1
    return (ordered[(k - 1) // 2] + ordered[k // 2]) / 2


def _regular_rows(chain: list[int], x, y, street, s: DetectionSettings, min_len: int) -> list[Row]:
    """Split a chain where its steps are not whole multiples of the spacing; keep good parts."""
    idx = np.asarray(chain)
    if len(idx) < min_len:
        return []
    steps = np.hypot(np.diff(x[idx]), np.diff(y[idx]))
    spacing = _typical_step(np.sort(steps).tolist())
    if not spacing_is_valid(spacing):
        return []
    multiple = np.round(steps / spacing)
    residual = np.abs(steps / spacing - multiple)
    breaks = np.flatnonzero((multiple < 1) | (multiple > s.max_step_multiple)
                            | (residual > 2 * s.max_step_residual))
    rows = []
    for part in np.split(np.arange(len(idx)), breaks + 1):
        if len(part) < min_len:
            continue
        m, r = multiple[part[:-1]], residual[part[:-1]]
        if (r <= s.max_step_residual).mean() < s.min_regular_share or (m == 1).mean() < s.min_single_share:
            continue
        part_spacing = float(steps[part[:-1]].sum() / m.sum())
        single = steps[part[:-1]][m == 1]
        if np.std(single) > s.max_step_cv * part_spacing:
            continue
        codes = street[idx[part]]
        rows.append(Row(positions=idx[part], spacing=part_spacing,
                        street=int(np.bincount(codes + 1).argmax()) - 1))
    return rows
