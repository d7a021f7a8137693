"""Roles on the shared server: the login is the actor, and PostgreSQL enforces who may write

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-01

PostgreSQL only; on SQLite this revision changes nothing (one file, its owner does everything).

- Four NOLOGIN group roles, cluster-wide and created only when missing: gridctl_supervisor
  (指导员), gridctl_leader (组长), gridctl_staff (指导站), gridctl_auditor (审计).
- Schema gridctl_access, outside the models' schema: `login` maps a login to its role and
  to a supervisor (supervisor) or a group (leader), and the SECURITY DEFINER functions
  my_supervisor() / my_group() read it for session_user, so the policies can use it
  without the roles reading the map themselves.
- Privileges: everyone with a role reads the tables (rows limited by the policies below);
  staff may do everything; a supervisor may insert and update their own visits, diary,
  activities and problems; a leader may insert their group's meetings.
- Row-level security on the work records: a supervisor or leader sees only their group's,
  a supervisor writes only rows of their own supervisor id, a leader only meetings of their
  group. The owner who runs `gridctl init` is not subject to them.
- The actor columns (audit_entry.actor, import_run.run_by, point_adjustment.recorded_by,
  effectiveness_award.recorded_by) are set to session_user by a trigger on insert: the
  database names who wrote, whatever the client says.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("gridctl_supervisor", "gridctl_leader", "gridctl_staff", "gridctl_auditor")
READERS = ", ".join(ROLES)
MEMBERS = "gridctl_supervisor, gridctl_leader"
# Who-columns the database fills in with the login.
ACTOR_COLUMNS = {
    "audit_entry": "actor",
    "import_run": "run_by",
    "point_adjustment": "recorded_by",
    "effectiveness_award": "recorded_by",
}
# The work records a supervisor writes for themself: rows carry supervisor_id.
OWN = ("visit", "diary_entry", "activity", "problem")
GROUP_OF_SUPERVISOR = (
    "supervisor_id IN (SELECT s.id FROM public.supervisor s"
    " WHERE s.group_id = gridctl_access.my_group())"
)
MINE = "supervisor_id = gridctl_access.my_supervisor()"
# Meetings: a group's own, and park-wide ones (joint, leaders' quarterly) with no group.
GROUP_MEETING = "group_id IS NULL OR group_id = gridctl_access.my_group()"
OWN_MEETING = "group_id = gridctl_access.my_group()"
# A subquery in a policy reads with the caller's own policies: visible rows only.
VISIBLE_MEETING = "meeting_id IN (SELECT m.id FROM public.meeting m WHERE m.group_id IS NOT NULL)"
VISIBLE_PROBLEM = "problem_id IN (SELECT p.id FROM public.problem p)"
LINKED = {"activity_enterprise": "activity_id IN (SELECT a.id FROM public.activity a)"}


def _create_roles() -> str:
    creates = "".join(
        f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{r}') THEN "
        f"CREATE ROLE {r} NOLOGIN; END IF; "
        for r in ROLES
    )
    # Roles are shared by every database of the server: another ledger may create them first.
    ignore = "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"
    return f"DO $$ BEGIN {creates}{ignore} END $$"


ACCESS = [
    "CREATE SCHEMA gridctl_access",
    "CREATE TABLE gridctl_access.login ("
    " login name PRIMARY KEY,"
    " role text NOT NULL CHECK (role IN ('supervisor', 'leader', 'staff', 'auditor')),"
    " supervisor_id integer REFERENCES public.supervisor (id),"
    " group_id integer REFERENCES public.guidance_group (id),"
    " granted_by name NOT NULL DEFAULT session_user,"
    " granted_at timestamptz NOT NULL DEFAULT now(),"
    " CHECK ((role = 'supervisor') = (supervisor_id IS NOT NULL)),"
    " CHECK ((role = 'leader') = (group_id IS NOT NULL)))",
    "CREATE FUNCTION gridctl_access.my_supervisor() RETURNS integer LANGUAGE sql STABLE"
    " SECURITY DEFINER SET search_path = pg_catalog, public AS"
    " $$ SELECT supervisor_id FROM gridctl_access.login WHERE login = session_user $$",
    "CREATE FUNCTION gridctl_access.my_group() RETURNS integer LANGUAGE sql STABLE"
    " SECURITY DEFINER SET search_path = pg_catalog, public AS"
    " $$ SELECT coalesce(l.group_id, s.group_id) FROM gridctl_access.login l"
    " LEFT JOIN public.supervisor s ON s.id = l.supervisor_id"
    " WHERE l.login = session_user $$",
    "CREATE FUNCTION gridctl_access.my_role() RETURNS text LANGUAGE sql STABLE"
    " SECURITY DEFINER SET search_path = pg_catalog, public AS"
    " $$ SELECT role FROM gridctl_access.login WHERE login = session_user $$",
    "CREATE FUNCTION gridctl_access.stamp_login() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN NEW := jsonb_populate_record(NEW,"
    " jsonb_build_object(TG_ARGV[0], session_user)); RETURN NEW; END $$",
]


def _grants() -> list[str]:
    own = ", ".join(f"public.{t}" for t in OWN)
    return [
        f"GRANT USAGE ON SCHEMA gridctl_access TO {READERS}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA gridctl_access TO {READERS}",
        "GRANT ALL ON gridctl_access.login TO gridctl_staff",
        "GRANT SELECT ON gridctl_access.login TO gridctl_auditor",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READERS}",
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO gridctl_staff",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO"
        " gridctl_staff, gridctl_supervisor, gridctl_leader",
        f"GRANT INSERT, UPDATE ON {own}, public.activity_enterprise TO gridctl_supervisor",
        "GRANT DELETE ON public.activity_enterprise TO gridctl_supervisor",
        "GRANT INSERT, UPDATE ON public.meeting TO gridctl_leader",
        # A meeting's attendees and problems are written as whole lists (delete, insert).
        "GRANT INSERT, DELETE ON public.meeting_attendee, public.meeting_problem TO gridctl_leader",
        # Every login reads the schema's revision: one without a role is then told so.
        "GRANT SELECT ON public.alembic_version TO PUBLIC",
        # Tables later revisions create: read by every role, written by staff.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {READERS}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO gridctl_staff",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO gridctl_staff",
    ]


def _policies() -> list[str]:
    out: list[str] = []

    def policy(table: str, name: str, verb: str, to: str, using: str | None, check: str | None):
        clause = f" USING ({using})" if using else ""
        clause += f" WITH CHECK ({check})" if check else ""
        out.append(f"CREATE POLICY {name} ON public.{table} FOR {verb} TO {to}{clause}")

    def base(table: str, group_read: str) -> None:
        out.append(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        policy(table, "staff_all", "ALL", "gridctl_staff", "true", "true")
        policy(table, "auditor_read", "SELECT", "gridctl_auditor", "true", None)
        policy(table, "group_read", "SELECT", MEMBERS, group_read, None)

    for table in OWN:
        base(table, GROUP_OF_SUPERVISOR)
        policy(table, "own_insert", "INSERT", "gridctl_supervisor", None, MINE)
        policy(table, "own_update", "UPDATE", "gridctl_supervisor", MINE, MINE)
    for table, mine in LINKED.items():
        base(table, mine)
        policy(table, "own_insert", "INSERT", "gridctl_supervisor", None, mine)
        policy(table, "own_update", "UPDATE", "gridctl_supervisor", mine, mine)
        policy(table, "own_delete", "DELETE", "gridctl_supervisor", mine, None)
    base("meeting", GROUP_MEETING)
    policy("meeting", "group_insert", "INSERT", "gridctl_leader", None, OWN_MEETING)
    policy("meeting", "group_update", "UPDATE", "gridctl_leader", OWN_MEETING, OWN_MEETING)
    for table, visible in (
        ("meeting_attendee", VISIBLE_MEETING),
        ("meeting_problem", VISIBLE_PROBLEM),
    ):
        base(table, "true")
        policy(table, "group_insert", "INSERT", "gridctl_leader", None, visible)
        policy(table, "group_delete", "DELETE", "gridctl_leader", visible, None)
    return out


RLS_TABLES = (*OWN, *LINKED, "meeting", "meeting_attendee", "meeting_problem")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_create_roles())
    for statement in ACCESS + _grants() + _policies():
        op.execute(statement)
    for table, column in ACTOR_COLUMNS.items():
        op.execute(
            f"CREATE TRIGGER stamp_login BEFORE INSERT ON public.{table} FOR EACH ROW"
            f" EXECUTE FUNCTION gridctl_access.stamp_login('{column}')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ACTOR_COLUMNS:
        op.execute(f"DROP TRIGGER IF EXISTS stamp_login ON public.{table}")
    for table in RLS_TABLES:
        op.execute(f"ALTER TABLE public.{table} DISABLE ROW LEVEL SECURITY")
        for name in ("staff_all", "auditor_read", "group_read", "own_insert", "own_update"):
            op.execute(f"DROP POLICY IF EXISTS {name} ON public.{table}")
        for name in ("own_delete", "group_insert", "group_update", "group_delete"):
            op.execute(f"DROP POLICY IF EXISTS {name} ON public.{table}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {READERS}")
    op.execute(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM gridctl_staff"
    )
    op.execute("REVOKE SELECT ON public.alembic_version FROM PUBLIC")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {READERS}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {READERS}")
    op.execute("DROP SCHEMA gridctl_access CASCADE")
    # The group roles stay: they belong to the server, and other ledgers may use them.
