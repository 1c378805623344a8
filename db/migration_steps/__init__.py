"""The schema's steps, a few to a module, registered on the one ladder (``ladder.migrations``).

``db.migrations`` imports the step modules in ladder order; a step's function name is what
``_sqlite_migrations`` records, so a step keeps its name and body once it has shipped.
"""
