WITH "t20" AS (
  SELECT
    "t16"."from_id",
    "t16"."to_id",
    "t16"."linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t16"."from_id"
      ORDER BY "t16"."linked_at" ASC, "t16"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t13"."from_id",
      "t13"."to_id",
      MIN("t13"."at") AS "linked_at"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t0"."previous_id" AS "from_id",
            "t0"."user_id" AS "to_id",
            "t0"."timestamp" AS "at"
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            AND "t0"."type" = 'alias'
            AND "t0"."previous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t4"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t0"."anonymous_id" AS "from_id",
            "t0"."user_id" AS "to_id",
            "t0"."timestamp" AS "at"
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t5"
      ) AS "t10"
      WHERE
        "t10"."from_id" <> "t10"."to_id"
    ) AS "t13"
    GROUP BY
      1,
      2
  ) AS "t16"
), "t23" AS (
  SELECT
    "t21"."from_id",
    "t21"."to_id",
    "t21"."linked_at"
  FROM "t20" AS "t21"
  WHERE
    "t21"."rank" = 0
), "t45" AS (
  SELECT
    "t9"."type",
    "t9"."timestamp",
    "t9"."user_id",
    "t9"."anonymous_id",
    "t9"."group_id",
    "t9"."traits",
    COALESCE("t43"."s_person", "t9"."_sender") AS "person_id",
    (
      "t9"."user_id" IS NOT NULL
    ) OR (
      "t43"."s_person" IS NOT NULL
    ) AS "is_known"
  FROM (
    SELECT
      "t0"."type",
      "t0"."timestamp",
      "t0"."user_id",
      "t0"."anonymous_id",
      "t0"."group_id",
      "t0"."traits",
      COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
  ) AS "t9"
  LEFT OUTER JOIN (
    SELECT
      "t41"."from_id" AS "s_from",
      "t41"."person_id" AS "s_person"
    FROM (
      SELECT
        "t37"."from_id",
        COALESCE("t32"."next_to", "t37"."person_id") AS "person_id"
      FROM (
        SELECT
          "t25"."from_id",
          COALESCE("t33"."next_to", "t25"."person_id") AS "person_id"
        FROM (
          SELECT
            "t21"."from_id",
            "t21"."to_id" AS "person_id"
          FROM "t20" AS "t21"
          WHERE
            "t21"."rank" = 0
        ) AS "t25"
        LEFT OUTER JOIN (
          SELECT
            "t28"."from_id" AS "next_from",
            "t28"."to_id" AS "next_to"
          FROM "t23" AS "t28"
        ) AS "t33"
          ON "t25"."person_id" = "t33"."next_from"
      ) AS "t37"
      LEFT OUTER JOIN (
        SELECT
          "t27"."from_id" AS "next_from",
          "t27"."to_id" AS "next_to"
        FROM "t23" AS "t27"
      ) AS "t32"
        ON "t37"."person_id" = "t32"."next_from"
    ) AS "t41"
  ) AS "t43"
    ON "t9"."_sender" = "t43"."s_from"
), "t61" AS (
  SELECT
    "t60"."user_id",
    "t60"."email",
    "t60"."email_domain",
    "t60"."first_seen",
    "t60"."last_seen",
    COALESCE(
      "t60"."group_account",
      "t39"."domain_account",
      CASE
        WHEN (
          "t60"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t60"."email_domain" IN (
            '10minutemail.com',
            '126.com',
            '163.com',
            'aim.com',
            'alice.it',
            'aliyun.com',
            'aol.com',
            'arcor.de',
            'att.net',
            'bellsouth.net',
            'bigpond.com',
            'bk.ru',
            'bol.com.br',
            'btinternet.com',
            'charter.net',
            'comcast.net',
            'cox.net',
            'daum.net',
            'dispostable.com',
            'duck.com',
            'earthlink.net',
            'email.com',
            'fastmail.com',
            'fastmail.fm',
            'foxmail.com',
            'free.fr',
            'freenet.de',
            'getnada.com',
            'gmail.com',
            'gmx.at',
            'gmx.ch',
            'gmx.com',
            'gmx.de',
            'gmx.net',
            'googlemail.com',
            'guerrillamail.com',
            'hanmail.net',
            'hey.com',
            'hotmail.co.uk',
            'hotmail.com',
            'hotmail.de',
            'hotmail.es',
            'hotmail.fr',
            'hotmail.it',
            'hushmail.com',
            'icloud.com',
            'inbox.ru',
            'interia.pl',
            'laposte.net',
            'libero.it',
            'list.ru',
            'live.co.uk',
            'live.com',
            'live.fr',
            'mac.com',
            'mail.com',
            'mail.ru',
            'mailbox.org',
            'mailfence.com',
            'mailinator.com',
            'me.com',
            'msn.com',
            'naver.com',
            'ntlworld.com',
            'o2.pl',
            'onet.pl',
            'optonline.net',
            'optusnet.com.au',
            'orange.fr',
            'outlook.com',
            'pm.me',
            'posteo.de',
            'proton.me',
            'protonmail.com',
            'qq.com',
            'rambler.ru',
            'rediffmail.com',
            'rocketmail.com',
            'rogers.com',
            'runbox.com',
            'sbcglobal.net',
            'seznam.cz',
            'sfr.fr',
            'sharklasers.com',
            'shaw.ca',
            'sina.com',
            'sky.com',
            'sohu.com',
            'sympatico.ca',
            't-online.de',
            'talktalk.net',
            'telus.net',
            'temp-mail.org',
            'terra.com.br',
            'tiscali.it',
            'trashmail.com',
            'tuta.io',
            'tutanota.com',
            'uol.com.br',
            'verizon.net',
            'virgilio.it',
            'virginmedia.com',
            'wanadoo.fr',
            'web.de',
            'windowslive.com',
            'wp.pl',
            'ya.ru',
            'yahoo.ca',
            'yahoo.co.in',
            'yahoo.co.jp',
            'yahoo.co.uk',
            'yahoo.com',
            'yahoo.com.au',
            'yahoo.com.br',
            'yahoo.de',
            'yahoo.es',
            'yahoo.fr',
            'yahoo.it',
            'yandex.com',
            'yandex.ru',
            'yeah.net',
            'ymail.com',
            'yopmail.com',
            'zoho.com',
            'zohomail.com'
          )
        )
        THEN 'domain:' || "t60"."email_domain"
        ELSE NULL
      END
    ) AS "account_id",
    CASE
      WHEN "t60"."group_account" IS NOT NULL
      THEN 'group'
      WHEN "t39"."domain_account" IS NOT NULL
      THEN 'domain'
      WHEN CASE
        WHEN (
          "t60"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t60"."email_domain" IN (
            '10minutemail.com',
            '126.com',
            '163.com',
            'aim.com',
            'alice.it',
            'aliyun.com',
            'aol.com',
            'arcor.de',
            'att.net',
            'bellsouth.net',
            'bigpond.com',
            'bk.ru',
            'bol.com.br',
            'btinternet.com',
            'charter.net',
            'comcast.net',
            'cox.net',
            'daum.net',
            'dispostable.com',
            'duck.com',
            'earthlink.net',
            'email.com',
            'fastmail.com',
            'fastmail.fm',
            'foxmail.com',
            'free.fr',
            'freenet.de',
            'getnada.com',
            'gmail.com',
            'gmx.at',
            'gmx.ch',
            'gmx.com',
            'gmx.de',
            'gmx.net',
            'googlemail.com',
            'guerrillamail.com',
            'hanmail.net',
            'hey.com',
            'hotmail.co.uk',
            'hotmail.com',
            'hotmail.de',
            'hotmail.es',
            'hotmail.fr',
            'hotmail.it',
            'hushmail.com',
            'icloud.com',
            'inbox.ru',
            'interia.pl',
            'laposte.net',
            'libero.it',
            'list.ru',
            'live.co.uk',
            'live.com',
            'live.fr',
            'mac.com',
            'mail.com',
            'mail.ru',
            'mailbox.org',
            'mailfence.com',
            'mailinator.com',
            'me.com',
            'msn.com',
            'naver.com',
            'ntlworld.com',
            'o2.pl',
            'onet.pl',
            'optonline.net',
            'optusnet.com.au',
            'orange.fr',
            'outlook.com',
            'pm.me',
            'posteo.de',
            'proton.me',
            'protonmail.com',
            'qq.com',
            'rambler.ru',
            'rediffmail.com',
            'rocketmail.com',
            'rogers.com',
            'runbox.com',
            'sbcglobal.net',
            'seznam.cz',
            'sfr.fr',
            'sharklasers.com',
            'shaw.ca',
            'sina.com',
            'sky.com',
            'sohu.com',
            'sympatico.ca',
            't-online.de',
            'talktalk.net',
            'telus.net',
            'temp-mail.org',
            'terra.com.br',
            'tiscali.it',
            'trashmail.com',
            'tuta.io',
            'tutanota.com',
            'uol.com.br',
            'verizon.net',
            'virgilio.it',
            'virginmedia.com',
            'wanadoo.fr',
            'web.de',
            'windowslive.com',
            'wp.pl',
            'ya.ru',
            'yahoo.ca',
            'yahoo.co.in',
            'yahoo.co.jp',
            'yahoo.co.uk',
            'yahoo.com',
            'yahoo.com.au',
            'yahoo.com.br',
            'yahoo.de',
            'yahoo.es',
            'yahoo.fr',
            'yahoo.it',
            'yandex.com',
            'yandex.ru',
            'yeah.net',
            'ymail.com',
            'yopmail.com',
            'zoho.com',
            'zohomail.com'
          )
        )
        THEN 'domain:' || "t60"."email_domain"
        ELSE NULL
      END IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t54"."user_id",
      "t54"."first_seen",
      "t54"."last_seen",
      "t55"."group_account",
      "t57"."email",
      NULLIF(
        CASE
          WHEN (
            STRPOS(LOWER(TRIM("t57"."email", ' 	
')), '@') - 1
          ) >= 0
          THEN SUBSTRING(
            LOWER(TRIM("t57"."email", ' 	
')),
            CASE
              WHEN (
                (
                  STRPOS(LOWER(TRIM("t57"."email", ' 	
')), '@') - 1
                ) + 1 + 1
              ) >= 1
              THEN (
                STRPOS(LOWER(TRIM("t57"."email", ' 	
')), '@') - 1
              ) + 1 + 1
              ELSE (
                STRPOS(LOWER(TRIM("t57"."email", ' 	
')), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM("t57"."email", ' 	
')))
            END
          )
          ELSE NULL
        END,
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        "t49"."person_id" AS "user_id",
        MIN("t49"."timestamp") AS "first_seen",
        MAX("t49"."timestamp") AS "last_seen"
      FROM (
        SELECT
          *
        FROM "t45" AS "t46"
        WHERE
          "t46"."is_known"
      ) AS "t49"
      GROUP BY
        1
    ) AS "t54"
    LEFT OUTER JOIN (
      SELECT
        "t50"."person_id" AS "m_user",
        FIRST("t50"."group_id" ORDER BY "t50"."timestamp" DESC) AS "group_account"
      FROM (
        SELECT
          *
        FROM "t45" AS "t46"
        WHERE
          "t46"."is_known" AND "t46"."group_id" IS NOT NULL
      ) AS "t50"
      GROUP BY
        1
    ) AS "t55"
      ON "t54"."user_id" = "t55"."m_user"
    LEFT OUTER JOIN (
      SELECT
        "t51"."e_user",
        FIRST(
          CASE
            WHEN JSON_TYPE("t51"."traits" -> '$.email') = 'VARCHAR'
            THEN (
              "t51"."traits" -> '$.email'
            ) ->> '$'
            ELSE NULL
          END ORDER BY "t51"."timestamp" DESC
        ) FILTER(WHERE
          CASE
            WHEN JSON_TYPE("t51"."traits" -> '$.email') = 'VARCHAR'
            THEN (
              "t51"."traits" -> '$.email'
            ) ->> '$'
            ELSE NULL
          END IS NOT NULL) AS "email"
      FROM (
        SELECT
          "t46"."type",
          "t46"."timestamp",
          "t46"."user_id",
          "t46"."anonymous_id",
          "t46"."group_id",
          "t46"."traits",
          "t46"."person_id",
          "t46"."is_known",
          "t46"."person_id" AS "e_user"
        FROM "t45" AS "t46"
        WHERE
          "t46"."is_known"
          AND "t46"."type" <> 'group'
          AND "t46"."traits" IS NOT NULL
          AND "t46"."person_id" IS NOT NULL
      ) AS "t51"
      GROUP BY
        1
    ) AS "t57"
      ON "t54"."user_id" = "t57"."e_user"
  ) AS "t60"
  LEFT OUTER JOIN (
    SELECT
      "t34"."domain",
      "t34"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t29"."group_id",
        "t29"."since",
        "t29"."domain",
        ROW_NUMBER() OVER (
          PARTITION BY "t29"."domain"
          ORDER BY "t29"."since" ASC, "t29"."group_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "rank"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t17"."group_id",
            "t12"."since",
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(COALESCE("t17"."domain", "t17"."website"), ' 	
')),
                    '^[a-z]+://',
                    '',
                    'g'
                  ),
                  '^www\.',
                  '',
                  'g'
                ),
                '[/:?#].*$',
                '',
                'g'
              ),
              ''
            ) AS "domain"
          FROM (
            SELECT
              "t7"."group_id",
              FIRST(
                CASE
                  WHEN JSON_TYPE("t7"."traits" -> '$.domain') = 'VARCHAR'
                  THEN (
                    "t7"."traits" -> '$.domain'
                  ) ->> '$'
                  ELSE NULL
                END ORDER BY "t7"."timestamp" DESC
              ) FILTER(WHERE
                CASE
                  WHEN JSON_TYPE("t7"."traits" -> '$.domain') = 'VARCHAR'
                  THEN (
                    "t7"."traits" -> '$.domain'
                  ) ->> '$'
                  ELSE NULL
                END IS NOT NULL) AS "domain",
              FIRST(
                CASE
                  WHEN JSON_TYPE("t7"."traits" -> '$.website') = 'VARCHAR'
                  THEN (
                    "t7"."traits" -> '$.website'
                  ) ->> '$'
                  ELSE NULL
                END ORDER BY "t7"."timestamp" DESC
              ) FILTER(WHERE
                CASE
                  WHEN JSON_TYPE("t7"."traits" -> '$.website') = 'VARCHAR'
                  THEN (
                    "t7"."traits" -> '$.website'
                  ) ->> '$'
                  ELSE NULL
                END IS NOT NULL) AS "website"
            FROM (
              SELECT
                *
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                AND "t0"."type" = 'group'
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."traits" IS NOT NULL
            ) AS "t7"
            GROUP BY
              1
          ) AS "t17"
          INNER JOIN (
            SELECT
              "t3"."group_id" AS "fs_group",
              MIN("t3"."timestamp") AS "since"
            FROM (
              SELECT
                *
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                AND "t0"."type" = 'group'
                AND "t0"."group_id" IS NOT NULL
            ) AS "t3"
            GROUP BY
              1
          ) AS "t12"
            ON "t17"."group_id" = "t12"."fs_group"
        ) AS "t24"
        WHERE
          "t24"."domain" IS NOT NULL
      ) AS "t29"
    ) AS "t34"
    WHERE
      "t34"."rank" = 0
  ) AS "t39"
    ON "t60"."email_domain" = "t39"."domain"
)
SELECT
  "t88"."entity_id",
  "t88"."account_id",
  "t88"."first_seen",
  "t88"."last_seen",
  "t88"."s__users",
  "t88"."s__core_workflows_7d",
  "t88"."s__employees",
  "t88"."paying",
  "t88"."q__all__0",
  "t88"."q__all__1",
  "t88"."q__all__2",
  "t88"."score",
  "t88"."tier",
  'account' AS "entity_type",
  MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0) AS "as_of"
FROM (
  SELECT
    "t87".*
    EXCLUDE ("qualifies")
  FROM (
    SELECT
      "t86"."entity_id",
      "t86"."account_id",
      "t86"."first_seen",
      "t86"."last_seen",
      "t86"."s__users",
      "t86"."s__core_workflows_7d",
      "t86"."s__employees",
      "t86"."paying",
      "t86"."q__all__0",
      "t86"."q__all__1",
      "t86"."q__all__2",
      "t86"."score",
      "t86"."qualifies",
      CASE WHEN "t86"."qualifies" THEN 'pql' ELSE 'not qualified' END AS "tier"
    FROM (
      SELECT
        "t84"."entity_id",
        "t84"."account_id",
        "t84"."first_seen",
        "t84"."last_seen",
        "t84"."s__users",
        "t84"."s__core_workflows_7d",
        "t84"."s__employees",
        "t84"."paying",
        "t84"."q__all__0",
        "t84"."q__all__1",
        "t84"."q__all__2",
        CAST(0 + CASE WHEN "t84"."q__all__0" THEN 1 ELSE 0 END + CASE WHEN "t84"."q__all__1" THEN 1 ELSE 0 END + CASE WHEN "t84"."q__all__2" THEN 1 ELSE 0 END AS DOUBLE) AS "score",
        "t84"."q__all__0" AND "t84"."q__all__1" AND "t84"."q__all__2" AS "qualifies"
      FROM (
        SELECT
          "t82"."entity_id",
          "t82"."account_id",
          "t82"."first_seen",
          "t82"."last_seen",
          "t82"."s__users",
          "t82"."s__core_workflows_7d",
          "t82"."s__employees",
          "t82"."paying",
          COALESCE("t82"."s__users" >= 5.0, FALSE) AS "q__all__0",
          COALESCE("t82"."s__core_workflows_7d" >= 10.0, FALSE) AS "q__all__1",
          COALESCE("t82"."s__employees" >= 51.0, FALSE) AS "q__all__2"
        FROM (
          SELECT
            "t80"."entity_id",
            "t80"."account_id",
            "t80"."first_seen",
            "t80"."last_seen",
            "t80"."s__users",
            "t80"."s__core_workflows_7d",
            "t80"."s__employees",
            "t72"."key" IS NOT NULL AS "paying"
          FROM (
            SELECT
              "t77"."entity_id",
              "t77"."account_id",
              "t77"."first_seen",
              "t77"."last_seen",
              "t77"."s__users",
              "t77"."s__core_workflows_7d",
              "t19"."s__employees"
            FROM (
              SELECT
                "t67"."entity_id",
                "t67"."account_id",
                "t67"."first_seen",
                "t67"."last_seen",
                COALESCE("t74"."s__users", 0) AS "s__users",
                COALESCE("t74"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
              FROM (
                SELECT
                  "t64"."account_id" AS "entity_id",
                  MAX("t64"."account_id") AS "account_id",
                  MIN("t64"."first_seen") AS "first_seen",
                  MAX("t64"."last_seen") AS "last_seen"
                FROM (
                  SELECT
                    "t62"."user_id" AS "m_user",
                    "t62"."account_id",
                    "t62"."email_domain",
                    "t62"."first_seen",
                    "t62"."last_seen"
                  FROM "t61" AS "t62"
                  WHERE
                    "t62"."account_id" IS NOT NULL
                ) AS "t64"
                GROUP BY
                  1
              ) AS "t67"
              LEFT OUTER JOIN (
                SELECT
                  "t70"."entity_id" AS "key",
                  COUNT(DISTINCT "t70"."person_id") FILTER(WHERE
                    TRUE AND TRUE) AS "s__users",
                  COUNT(*) FILTER(WHERE
                    (
                      "t70"."type" = 'track'
                    )
                    AND "t70"."event" IN ('Report Created')
                    AND (
                      "t70"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 25, 0, 0, 0.0)
                    )) AS "s__core_workflows_7d"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t48"."message_id",
                      "t48"."type",
                      "t48"."event",
                      "t48"."name",
                      "t48"."user_id",
                      "t48"."anonymous_id",
                      "t48"."group_id",
                      "t48"."previous_id",
                      "t48"."timestamp",
                      "t48"."original_timestamp",
                      "t48"."sent_at",
                      "t48"."received_at",
                      "t48"."properties",
                      "t48"."traits",
                      "t48"."context",
                      "t48"."source",
                      "t48"."loaded_at",
                      "t48"."person_id",
                      "t65"."account_id",
                      "t65"."email_domain",
                      "t65"."account_id" AS "entity_id"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t8"."message_id",
                          "t8"."type",
                          "t8"."event",
                          "t8"."name",
                          "t8"."user_id",
                          "t8"."anonymous_id",
                          "t8"."group_id",
                          "t8"."previous_id",
                          "t8"."timestamp",
                          "t8"."original_timestamp",
                          "t8"."sent_at",
                          "t8"."received_at",
                          "t8"."properties",
                          "t8"."traits",
                          "t8"."context",
                          "t8"."source",
                          "t8"."loaded_at",
                          COALESCE("t43"."s_person", "t8"."_sender") AS "person_id",
                          (
                            "t8"."user_id" IS NOT NULL
                          ) OR (
                            "t43"."s_person" IS NOT NULL
                          ) AS "is_known"
                        FROM (
                          SELECT
                            "t0"."message_id",
                            "t0"."type",
                            "t0"."event",
                            "t0"."name",
                            "t0"."user_id",
                            "t0"."anonymous_id",
                            "t0"."group_id",
                            "t0"."previous_id",
                            "t0"."timestamp",
                            "t0"."original_timestamp",
                            "t0"."sent_at",
                            "t0"."received_at",
                            "t0"."properties",
                            "t0"."traits",
                            "t0"."context",
                            "t0"."source",
                            "t0"."loaded_at",
                            COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                          FROM "events" AS "t0"
                          WHERE
                            "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                        ) AS "t8"
                        LEFT OUTER JOIN (
                          SELECT
                            "t41"."from_id" AS "s_from",
                            "t41"."person_id" AS "s_person"
                          FROM (
                            SELECT
                              "t37"."from_id",
                              COALESCE("t32"."next_to", "t37"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t25"."from_id",
                                COALESCE("t33"."next_to", "t25"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t21"."from_id",
                                  "t21"."to_id" AS "person_id"
                                FROM "t20" AS "t21"
                                WHERE
                                  "t21"."rank" = 0
                              ) AS "t25"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t28"."from_id" AS "next_from",
                                  "t28"."to_id" AS "next_to"
                                FROM "t23" AS "t28"
                              ) AS "t33"
                                ON "t25"."person_id" = "t33"."next_from"
                            ) AS "t37"
                            LEFT OUTER JOIN (
                              SELECT
                                "t27"."from_id" AS "next_from",
                                "t27"."to_id" AS "next_to"
                              FROM "t23" AS "t27"
                            ) AS "t32"
                              ON "t37"."person_id" = "t32"."next_from"
                          ) AS "t41"
                        ) AS "t43"
                          ON "t8"."_sender" = "t43"."s_from"
                      ) AS "t44"
                      WHERE
                        "t44"."is_known"
                    ) AS "t48"
                    LEFT OUTER JOIN (
                      SELECT
                        "t62"."user_id" AS "m_user",
                        "t62"."account_id",
                        "t62"."email_domain"
                      FROM "t61" AS "t62"
                    ) AS "t65"
                      ON "t48"."person_id" = "t65"."m_user"
                  ) AS "t69"
                  WHERE
                    "t69"."entity_id" IS NOT NULL
                ) AS "t70"
                GROUP BY
                  1
              ) AS "t74"
                ON "t67"."entity_id" = "t74"."key"
            ) AS "t77"
            LEFT OUTER JOIN (
              SELECT
                "t14"."group_id" AS "key",
                "t14"."employees" AS "s__employees"
              FROM (
                SELECT
                  "t6"."group_id",
                  FIRST(
                    CASE
                      WHEN JSON_TYPE("t6"."traits" -> '$.employees') IN ('UBIGINT', 'BIGINT', 'DOUBLE')
                      THEN CAST("t6"."traits" -> '$.employees' AS DOUBLE)
                      ELSE NULL
                    END ORDER BY "t6"."timestamp" DESC
                  ) FILTER(WHERE
                    CASE
                      WHEN JSON_TYPE("t6"."traits" -> '$.employees') IN ('UBIGINT', 'BIGINT', 'DOUBLE')
                      THEN CAST("t6"."traits" -> '$.employees' AS DOUBLE)
                      ELSE NULL
                    END IS NOT NULL) AS "employees"
                FROM (
                  SELECT
                    *
                  FROM "events" AS "t0"
                  WHERE
                    "t0"."type" = 'group'
                    AND "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                    AND "t0"."traits" IS NOT NULL
                    AND "t0"."group_id" IS NOT NULL
                ) AS "t6"
                GROUP BY
                  1
              ) AS "t14"
            ) AS "t19"
              ON "t77"."entity_id" = "t19"."key"
          ) AS "t80"
          LEFT OUTER JOIN (
            SELECT DISTINCT
              "t69"."entity_id" AS "key"
            FROM (
              SELECT
                "t48"."message_id",
                "t48"."type",
                "t48"."event",
                "t48"."name",
                "t48"."user_id",
                "t48"."anonymous_id",
                "t48"."group_id",
                "t48"."previous_id",
                "t48"."timestamp",
                "t48"."original_timestamp",
                "t48"."sent_at",
                "t48"."received_at",
                "t48"."properties",
                "t48"."traits",
                "t48"."context",
                "t48"."source",
                "t48"."loaded_at",
                "t48"."person_id",
                "t65"."account_id",
                "t65"."email_domain",
                "t65"."account_id" AS "entity_id"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t8"."message_id",
                    "t8"."type",
                    "t8"."event",
                    "t8"."name",
                    "t8"."user_id",
                    "t8"."anonymous_id",
                    "t8"."group_id",
                    "t8"."previous_id",
                    "t8"."timestamp",
                    "t8"."original_timestamp",
                    "t8"."sent_at",
                    "t8"."received_at",
                    "t8"."properties",
                    "t8"."traits",
                    "t8"."context",
                    "t8"."source",
                    "t8"."loaded_at",
                    COALESCE("t43"."s_person", "t8"."_sender") AS "person_id",
                    (
                      "t8"."user_id" IS NOT NULL
                    ) OR (
                      "t43"."s_person" IS NOT NULL
                    ) AS "is_known"
                  FROM (
                    SELECT
                      "t0"."message_id",
                      "t0"."type",
                      "t0"."event",
                      "t0"."name",
                      "t0"."user_id",
                      "t0"."anonymous_id",
                      "t0"."group_id",
                      "t0"."previous_id",
                      "t0"."timestamp",
                      "t0"."original_timestamp",
                      "t0"."sent_at",
                      "t0"."received_at",
                      "t0"."properties",
                      "t0"."traits",
                      "t0"."context",
                      "t0"."source",
                      "t0"."loaded_at",
                      COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                  ) AS "t8"
                  LEFT OUTER JOIN (
                    SELECT
                      "t41"."from_id" AS "s_from",
                      "t41"."person_id" AS "s_person"
                    FROM (
                      SELECT
                        "t37"."from_id",
                        COALESCE("t32"."next_to", "t37"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t25"."from_id",
                          COALESCE("t33"."next_to", "t25"."person_id") AS "person_id"
                        FROM (
                          SELECT
                            "t21"."from_id",
                            "t21"."to_id" AS "person_id"
                          FROM "t20" AS "t21"
                          WHERE
                            "t21"."rank" = 0
                        ) AS "t25"
                        LEFT OUTER JOIN (
                          SELECT
                            "t28"."from_id" AS "next_from",
                            "t28"."to_id" AS "next_to"
                          FROM "t23" AS "t28"
                        ) AS "t33"
                          ON "t25"."person_id" = "t33"."next_from"
                      ) AS "t37"
                      LEFT OUTER JOIN (
                        SELECT
                          "t27"."from_id" AS "next_from",
                          "t27"."to_id" AS "next_to"
                        FROM "t23" AS "t27"
                      ) AS "t32"
                        ON "t37"."person_id" = "t32"."next_from"
                    ) AS "t41"
                  ) AS "t43"
                    ON "t8"."_sender" = "t43"."s_from"
                ) AS "t44"
                WHERE
                  "t44"."is_known"
              ) AS "t48"
              LEFT OUTER JOIN (
                SELECT
                  "t62"."user_id" AS "m_user",
                  "t62"."account_id",
                  "t62"."email_domain"
                FROM "t61" AS "t62"
              ) AS "t65"
                ON "t48"."person_id" = "t65"."m_user"
            ) AS "t69"
            WHERE
              "t69"."entity_id" IS NOT NULL
              AND "t69"."type" = 'track'
              AND "t69"."event" IN ('Subscription Started')
          ) AS "t72"
            ON "t80"."entity_id" = "t72"."key"
        ) AS "t82"
        WHERE
          NOT (
            "t82"."paying"
          )
      ) AS "t84"
    ) AS "t86"
  ) AS "t87"
) AS "t88";
