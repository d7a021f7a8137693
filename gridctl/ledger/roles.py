"""Who may do what on the shared PostgreSQL ledger: logins, their roles, and refusals.

The database enforces the roles itself (revision 0011: group roles, grants, row-level
security reading the map gridctl_access.login); this module maps a login to a role and a
supervisor or group (`gridctl role`), says who is connected (`gridctl whoami`), and turns the
database's refusal (SQLSTATE 42501) into one line naming the role and what it may do.

On SQLite there are no roles: whoever can write the file can do everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from gridctl.errors import GridctlError, Invalid, NotFound
from gridctl.i18n import t

ROLES = ("supervisor", "leader", "staff", "auditor")
INSUFFICIENT_PRIVILEGE = "42501"
# A login gridctl creates: a plain lower-case identifier, never quoted, never ambiguous.
LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
ROLE_KEY = "gridctl_role"


class Refused(GridctlError):
    """The database refused the statement: the login's role may not do it."""

    key = "refused"


def group_role(role: str) -> str:
    return f"gridctl_{role}"


@dataclass(frozen=True, slots=True)
class Login:
    """One login and what it is tied to (`gridctl role list`, `gridctl whoami`)."""

    login: str
    role: str
    supervisor: str
    group: str
    granted_by: str
    granted_at: str


def _postgres(session: Session) -> Connection:
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        raise Invalid.about("db", conn.engine.url.render_as_string(), t("roles.sqlite"))
    return conn


def _check(login: str, role: str, supervisor: str | None, group: str | None) -> None:
    if not LOGIN.fullmatch(login):
        raise Invalid("login", login, t("roles.login_rule"))
    if role not in ROLES:
        raise Invalid("role", role, t("roles.allowed", roles=", ".join(ROLES)))
    if (role == "supervisor") != (supervisor is not None):
        raise Invalid("supervisor", supervisor or "-", t("roles.needs_supervisor"))
    if (role == "leader") != (group is not None):
        raise Invalid("group", group or "-", t("roles.needs_group"))


def _id(conn: Connection, sql: str, field: str, value: str) -> int:
    found = conn.execute(text(sql), {"v": value}).scalar()
    if found is None:
        raise NotFound(field, value)
    return int(found)


def grant(
    session: Session, login: str, role: str, *, supervisor: str | None, group: str | None
) -> Login:
    """Create the login if needed, give it `role` (and only it), record what it is tied to."""
    _check(login, role, supervisor, group)
    conn = _postgres(session)
    sup_id = group_id = None
    if supervisor is not None:
        sup_id = _id(conn, "SELECT id FROM supervisor WHERE code = :v", "supervisor", supervisor)
    if group is not None:
        group_id = _id(conn, "SELECT id FROM guidance_group WHERE name = :v", "group", group)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :v"), {"v": login}).first()
    # Staff grant roles to others: their login may create roles.
    extra = " CREATEROLE" if role == "staff" else ""
    if exists is None:
        conn.execute(text(f"CREATE ROLE {login} LOGIN{extra}"))
    elif extra:
        conn.execute(text(f"ALTER ROLE {login}{extra}"))
    _revoke_all(conn, login)
    conn.execute(text(f"GRANT {group_role(role)} TO {login}"))
    conn.execute(
        text(
            "INSERT INTO gridctl_access.login (login, role, supervisor_id, group_id)"
            " VALUES (:l, :r, :s, :g) ON CONFLICT (login) DO UPDATE SET role = :r,"
            " supervisor_id = :s, group_id = :g, granted_by = session_user, granted_at = now()"
        ),
        {"l": login, "r": role, "s": sup_id, "g": group_id},
    )
    return next(row for row in logins(session) if row.login == login)


def _revoke_all(conn: Connection, login: str) -> None:
    for role in ROLES:
        held = conn.execute(
            text("SELECT pg_has_role(:l, :r, 'MEMBER')"), {"l": login, "r": group_role(role)}
        ).scalar()
        if held:
            conn.execute(text(f"REVOKE {group_role(role)} FROM {login}"))


def revoke(session: Session, login: str) -> Login:
    """Take the login's role away (the login itself stays: it is the server's, not the
    ledger's; drop it with `DROP ROLE` when the person leaves)."""
    conn = _postgres(session)
    found = [row for row in logins(session) if row.login == login]
    if not found:
        raise NotFound("login", login)
    _revoke_all(conn, login)
    conn.execute(text("DELETE FROM gridctl_access.login WHERE login = :l"), {"l": login})
    return found[0]


def logins(session: Session) -> list[Login]:
    conn = _postgres(session)
    rows = conn.execute(
        text(
            "SELECT l.login, l.role, coalesce(s.code, ''), coalesce(g.name, sg.name, ''),"
            " l.granted_by, to_char(l.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"
            " FROM gridctl_access.login l"
            " LEFT JOIN supervisor s ON s.id = l.supervisor_id"
            " LEFT JOIN guidance_group sg ON sg.id = s.group_id"
            " LEFT JOIN guidance_group g ON g.id = l.group_id ORDER BY l.login"
        )
    )
    return [Login(*(str(v) for v in row)) for row in rows]


def whoami(session: Session, label: str) -> Login:
    """The login, its role and its supervisor or group; on SQLite `label` ($GRIDCTL_USER or
    the machine's login), as the owner of the file."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return Login(label, "owner", "", "", "", "")
    me, role = _login_and_role(conn)
    if role is None:
        return Login(me, _unmapped(conn), "", "", "", "")
    return _mine(conn, me)


def _mine(conn: Connection, me: str) -> Login:
    # The map itself is staff's and auditor's to read; a login sees its own through the
    # functions the policies use.
    row = conn.execute(
        text(
            "SELECT gridctl_access.my_role(), coalesce(s.code, ''), coalesce(g.name, '')"
            " FROM (SELECT gridctl_access.my_supervisor() AS sid,"
            " gridctl_access.my_group() AS gid) m"
            " LEFT JOIN supervisor s ON s.id = m.sid LEFT JOIN guidance_group g ON g.id = m.gid"
        )
    ).one()
    return Login(me, str(row[0]), str(row[1]), str(row[2]), "", "")


def _unmapped(conn: Connection) -> str:
    owner = conn.execute(
        text(
            "SELECT r.rolsuper OR d.datdba = r.oid FROM pg_roles r, pg_database d"
            " WHERE r.rolname = session_user AND d.datname = current_database()"
        )
    ).scalar()
    return "owner" if owner else "none"


# --- refusals --------------------------------------------------------------------------------


def refusal(role: str | None, login: str) -> Refused:
    """The database's refusal in one line: who, in what role, and what that role may do."""
    known = role if role in (*ROLES, "unknown") else "none"
    return Refused.about(login, t(f"roles.may.{known}"), t(f"roles.name.{known}"))


def _login_and_role(conn: Connection) -> tuple[str, str | None]:
    me, usable = conn.execute(
        text("SELECT session_user, has_schema_privilege('gridctl_access', 'USAGE')")
    ).one()
    # A login holding no gridctl role may not even name the map's schema.
    role = conn.execute(text("SELECT gridctl_access.my_role()")).scalar() if usable else None
    return str(me), None if role is None else str(role)


def _remember_role(_session: Session, _transaction: object, conn: Connection) -> None:
    if conn.dialect.name == "postgresql" and ROLE_KEY not in conn.info:
        conn.info[ROLE_KEY] = _login_and_role(conn)


def _on_error(context: Any) -> BaseException | None:
    orig = getattr(context.original_exception, "sqlstate", None)
    if orig != INSUFFICIENT_PRIVILEGE or context.connection is None:
        return None
    login, role = context.connection.info.get(ROLE_KEY, ("?", None))
    return refusal(role, login)


def install(session: Session) -> None:
    """Learn the login's role when the session begins (PostgreSQL), so that a refusal by the
    database can name it even after the transaction has failed."""
    event.listen(session, "after_begin", _remember_role)
    bind = session.get_bind()
    if bind.dialect.name == "postgresql" and not event.contains(bind, "handle_error", _on_error):
        event.listen(bind, "handle_error", _on_error)


def refusal_of(exc: BaseException) -> Refused | None:
    """The one-line refusal for a permission error the session did not turn into one already
    (SQLSTATE 42501 at commit, say); None for anything else."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        return refusal("unknown", "?")
    return None
