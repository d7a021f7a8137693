"""Alembic environment: the models' metadata, and the connection gridctl hands in.

gridctl.ledger.migrate runs this with an open connection in config.attributes; on SQLite
it has already turned foreign keys off (batch mode would otherwise delete child rows).
"""

from alembic import context

from gridctl.ledger.models import load_all, metadata

load_all()

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    compare_type=True,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
