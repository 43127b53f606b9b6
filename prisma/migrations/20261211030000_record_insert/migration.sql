-- record_insert(tbl, new_row, org, idem, answer, events): a whole create in ONE round trip and one
-- transaction (ADR 037). The API has already validated the input, checked the org and built
-- every column of the new row, its answer and its audit event. Inside, as separate statements
-- of a VOLATILE function (each with a fresh snapshot in READ COMMITTED):
--   0. the org (id, name, path) whose reach the API checked and whose name is in the answer must
--      still be so, or the answer is orgChanged and the API reads it again (it remembers orgs).
--   1. with an Idempotency-Key (idem: userId, key, lock, requestHash, status): try the key's
--      transaction lock (the same key plugins/write.ts takes) and answer busy when another
--      request holds it, then answer the stored row if the key was used before: nothing written.
--   2. insert the row: every column from the JSON object, by the table's own row type, so a
--      NOT NULL column the API left out fails loudly. The tables' triggers (rollups) run as
--      for any insert.
--   3. store the answer under the key.
--   4. audit_append(events) last, so the chain lock is held for that and the commit only.
-- The outcome: created, orgChanged, busy, or stored (requestHash, status, body).
-- tbl is a record table's name from the API's kind registry, quoted with format %I.
-- Semicolons inside the body are written \073: Prisma's migration runner splits at every one.
CREATE FUNCTION record_insert(tbl text, new_row jsonb, org jsonb, idem jsonb, answer jsonb, events jsonb)
RETURNS jsonb LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  prior record\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "OrgUnit" o WHERE o.id = (org->>''id'')::uuid
                   AND o.name = org->>''name'' AND o.path = org->>''path'') THEN
    RETURN jsonb_build_object(''outcome'', ''orgChanged'')\073
  END IF\073
  IF idem IS NOT NULL THEN
    IF NOT pg_try_advisory_xact_lock(hashtextextended(idem->>''lock'', 0)) THEN
      RETURN jsonb_build_object(''outcome'', ''busy'')\073
    END IF\073
    SELECT k."requestHash", k.status, k.body INTO prior
      FROM "IdempotencyKey" k WHERE k."userId" = (idem->>''userId'')::uuid AND k.key = idem->>''key''\073
    IF FOUND THEN
      RETURN jsonb_build_object(''outcome'', ''stored'', ''requestHash'', prior."requestHash",
                                ''status'', prior.status, ''body'', prior.body)\073
    END IF\073
  END IF\073
  EXECUTE format(''INSERT INTO %I SELECT * FROM jsonb_populate_record(NULL::%I, $1)'', tbl, tbl) USING new_row\073
  IF idem IS NOT NULL THEN
    INSERT INTO "IdempotencyKey" ("userId", key, "requestHash", status, body)
    VALUES ((idem->>''userId'')::uuid, idem->>''key'', idem->>''requestHash'', (idem->>''status'')::int, answer)\073
  END IF\073
  PERFORM audit_append(events)\073
  RETURN jsonb_build_object(''outcome'', ''created'')\073
END ';
