"""In-memory repositories and unit of work for service tests (cosmicpython style)."""

from __future__ import annotations

from dataclasses import replace

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.register_columns import RegisterColumns


class FakeSites:
    def __init__(self):
        self.rows = {}

    def get(self, site_id):
        if site_id not in self.rows:
            raise NotFound(site_id)
        return self.rows[site_id]

    def add(self, site):
        stored = replace(site, id=len(self.rows) + 1, version=1)
        self.rows[stored.id] = stored
        return stored

    def update(self, site):
        self.rows[site.id] = replace(site, version=site.version + 1)
        return self.rows[site.id]


class FakeTrees:
    def __init__(self):
        self.rows = {}
        self.next_id = 1

    def get(self, tree_id):
        if tree_id not in self.rows:
            raise NotFound(tree_id)
        return self.rows[tree_id]

    def add(self, tree):
        stored = replace(tree, id=self.next_id, version=1)
        self.next_id += 1
        self.rows[stored.id] = stored
        return stored

    def update(self, tree):
        if self.rows[tree.id].version != tree.version:
            raise ConcurrentEditError(tree.id)
        self.rows[tree.id] = replace(tree, version=tree.version + 1)
        return self.rows[tree.id]

    def remove_new(self, tree_id):
        del self.rows[tree_id]

    def on_site(self, site_id):
        return [t for t in self.rows.values() if t.site_id == site_id]

    def by_boomnummer(self, nummer):
        return next((t for t in self.rows.values() if t.boomnummer == nummer), None)

    def columns(self):
        return RegisterColumns.from_trees(list(self.rows.values()))

    def nvtb_values(self):
        return {t.id: int(t.nvtb_waarde_eur * 100) for t in self.rows.values() if t.nvtb_waarde_eur is not None}

    def first_stage_columns(self):
        return self.columns()  # a fake reads in one stage

    def count(self):
        return len(self.rows)


class FakeInspections:
    def __init__(self):
        self.rows = []

    def add(self, inspection):
        stored = replace(inspection, id=len(self.rows) + 1, version=1)
        self.rows.append(stored)
        return stored

    def remove(self, inspection_id):
        self.rows = [i for i in self.rows if i.id != inspection_id]

    def for_tree(self, tree_id):
        return [i for i in self.rows if i.tree_id == tree_id]


class FakeChangeLog:
    def __init__(self):
        self.entries = []

    def record(self, changes):
        self.entries.extend(changes)

    def for_entity(self, entity, entity_id):
        return [c for c in reversed(self.entries) if (c.entity, c.entity_id) == (entity, entity_id)]

    def since_version(self, entity, entity_id, version):
        return [c for c in self.entries if (c.entity, c.entity_id) == (entity, entity_id)
                and c.version is not None and c.version > version]


class FakeUnitOfWork:
    def __init__(self):
        self.trees = FakeTrees()
        self.sites = FakeSites()
        self.inspections = FakeInspections()
        self.changes = FakeChangeLog()
        self.species = None
        self.committed = 0

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def commit(self):
        self.committed += 1

    def rollback(self):
        pass
