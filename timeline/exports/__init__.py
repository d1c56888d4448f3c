"""Redline's data in other people's tools: every revision as Akoma Ntoso XML (`akn`), a
read-only JSON API with its OpenAPI document (`api`), CSV tables of clauses (`tables`) and
Atom feeds of new and changed revisions (`feeds`). Each module holds its format and its
views; `urls` gathers their addresses. Every export reads through the same rules as the
pages (`timeline.lineage`, `timeline.languages`, the honesty markers) and is served by
`timeline.page_cache.reader_page`, so it is cached, revalidated and compressed like a page.
"""
