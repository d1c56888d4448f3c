"""Reader pages, one module per page family: pages (timeline, family, revision), compare,
clauses (permalinks), countries, search. Shared helpers live in `common`."""
