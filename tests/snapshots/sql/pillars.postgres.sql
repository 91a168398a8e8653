WITH "t5" AS (
  SELECT
    *
  FROM "events" AS "t0"
  WHERE
    "t0"."type" = 'group'
    AND "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
    AND "t0"."traits" IS NOT NULL
    AND "t0"."group_id" IS NOT NULL
), "t22" AS (
  SELECT
    "t14"."from_id",
    "t14"."to_id",
    "t14"."linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t14"."from_id"
      ORDER BY "t14"."linked_at" ASC, "t14"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t12"."from_id",
      "t12"."to_id",
      MIN("t12"."at") AS "linked_at"
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
            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND "t0"."type" = 'alias'
            AND "t0"."previous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t3"
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
            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t4"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t12"
    GROUP BY
      1,
      2
  ) AS "t14"
), "t25" AS (
  SELECT
    "t23"."from_id",
    "t23"."to_id",
    "t23"."linked_at"
  FROM "t22" AS "t23"
  WHERE
    "t23"."rank" = 0
), "t64" AS (
  SELECT
    "t7"."message_id",
    "t7"."type",
    "t7"."event",
    "t7"."name",
    "t7"."user_id",
    "t7"."anonymous_id",
    "t7"."group_id",
    "t7"."previous_id",
    "t7"."timestamp",
    "t7"."original_timestamp",
    "t7"."sent_at",
    "t7"."received_at",
    "t7"."properties",
    "t7"."traits",
    "t7"."context",
    "t7"."source",
    "t7"."loaded_at",
    COALESCE(COALESCE("t61"."u_person", "t7"."user_id"), "t62"."a_person", "t7"."anonymous_id") AS "person_id",
    (
      "t7"."user_id" IS NOT NULL
    ) OR (
      "t62"."a_person" IS NOT NULL
    ) AS "is_known"
  FROM (
    SELECT
      *
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t54"."from_id" AS "u_from",
      "t54"."person_id" AS "u_person"
    FROM (
      SELECT
        "t48"."from_id",
        COALESCE("t40"."next_to", "t48"."person_id") AS "person_id"
      FROM (
        SELECT
          "t27"."from_id",
          COALESCE("t41"."next_to", "t27"."person_id") AS "person_id"
        FROM (
          SELECT
            "t23"."from_id",
            "t23"."to_id" AS "person_id"
          FROM "t22" AS "t23"
          WHERE
            "t23"."rank" = 0
        ) AS "t27"
        LEFT OUTER JOIN (
          SELECT
            "t32"."from_id" AS "next_from",
            "t32"."to_id" AS "next_to"
          FROM "t25" AS "t32"
        ) AS "t41"
          ON "t27"."person_id" = "t41"."next_from"
      ) AS "t48"
      LEFT OUTER JOIN (
        SELECT
          "t31"."from_id" AS "next_from",
          "t31"."to_id" AS "next_to"
        FROM "t25" AS "t31"
      ) AS "t40"
        ON "t48"."person_id" = "t40"."next_from"
    ) AS "t54"
  ) AS "t61"
    ON "t7"."user_id" = "t61"."u_from"
  LEFT OUTER JOIN (
    SELECT
      "t54"."from_id" AS "a_from",
      "t54"."person_id" AS "a_person"
    FROM (
      SELECT
        "t48"."from_id",
        COALESCE("t40"."next_to", "t48"."person_id") AS "person_id"
      FROM (
        SELECT
          "t27"."from_id",
          COALESCE("t41"."next_to", "t27"."person_id") AS "person_id"
        FROM (
          SELECT
            "t23"."from_id",
            "t23"."to_id" AS "person_id"
          FROM "t22" AS "t23"
          WHERE
            "t23"."rank" = 0
        ) AS "t27"
        LEFT OUTER JOIN (
          SELECT
            "t32"."from_id" AS "next_from",
            "t32"."to_id" AS "next_to"
          FROM "t25" AS "t32"
        ) AS "t41"
          ON "t27"."person_id" = "t41"."next_from"
      ) AS "t48"
      LEFT OUTER JOIN (
        SELECT
          "t31"."from_id" AS "next_from",
          "t31"."to_id" AS "next_to"
        FROM "t25" AS "t31"
      ) AS "t40"
        ON "t48"."person_id" = "t40"."next_from"
    ) AS "t54"
  ) AS "t62"
    ON "t7"."anonymous_id" = "t62"."a_from"
), "t90" AS (
  SELECT
    "t84"."message_id",
    "t84"."type",
    "t84"."event",
    "t84"."name",
    "t84"."user_id",
    "t84"."anonymous_id",
    "t84"."group_id",
    "t84"."previous_id",
    "t84"."timestamp",
    "t84"."original_timestamp",
    "t84"."sent_at",
    "t84"."received_at",
    "t84"."properties",
    "t84"."traits",
    "t84"."context",
    "t84"."source",
    "t84"."loaded_at",
    "t84"."person_id",
    "t84"."account_id",
    "t84"."email_domain",
    "t84"."entity_id",
    COALESCE(
      MIN(
        CASE
          WHEN (
            "t84"."type" = 'track'
          ) AND (
            "t84"."event" = 'Signed Up'
          )
          THEN "t84"."timestamp"
          ELSE NULL
        END
      ) OVER (
        PARTITION BY "t84"."entity_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ),
      MIN("t84"."timestamp") OVER (
        PARTITION BY "t84"."entity_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      )
    ) AS "start"
  FROM (
    SELECT
      "t67"."message_id",
      "t67"."type",
      "t67"."event",
      "t67"."name",
      "t67"."user_id",
      "t67"."anonymous_id",
      "t67"."group_id",
      "t67"."previous_id",
      "t67"."timestamp",
      "t67"."original_timestamp",
      "t67"."sent_at",
      "t67"."received_at",
      "t67"."properties",
      "t67"."traits",
      "t67"."context",
      "t67"."source",
      "t67"."loaded_at",
      "t67"."person_id",
      "t82"."account_id",
      "t82"."email_domain",
      "t67"."person_id" AS "entity_id"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t7"."message_id",
          "t7"."type",
          "t7"."event",
          "t7"."name",
          "t7"."user_id",
          "t7"."anonymous_id",
          "t7"."group_id",
          "t7"."previous_id",
          "t7"."timestamp",
          "t7"."original_timestamp",
          "t7"."sent_at",
          "t7"."received_at",
          "t7"."properties",
          "t7"."traits",
          "t7"."context",
          "t7"."source",
          "t7"."loaded_at",
          COALESCE(COALESCE("t59"."u_person", "t7"."user_id"), "t60"."a_person", "t7"."anonymous_id") AS "person_id",
          (
            "t7"."user_id" IS NOT NULL
          ) OR (
            "t60"."a_person" IS NOT NULL
          ) AS "is_known"
        FROM (
          SELECT
            *
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
        ) AS "t7"
        LEFT OUTER JOIN (
          SELECT
            "t53"."from_id" AS "u_from",
            "t53"."person_id" AS "u_person"
          FROM (
            SELECT
              "t47"."from_id",
              COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
            FROM (
              SELECT
                "t27"."from_id",
                COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t23"."from_id",
                  "t23"."to_id" AS "person_id"
                FROM "t22" AS "t23"
                WHERE
                  "t23"."rank" = 0
              ) AS "t27"
              LEFT OUTER JOIN (
                SELECT
                  "t30"."from_id" AS "next_from",
                  "t30"."to_id" AS "next_to"
                FROM "t25" AS "t30"
              ) AS "t39"
                ON "t27"."person_id" = "t39"."next_from"
            ) AS "t47"
            LEFT OUTER JOIN (
              SELECT
                "t29"."from_id" AS "next_from",
                "t29"."to_id" AS "next_to"
              FROM "t25" AS "t29"
            ) AS "t38"
              ON "t47"."person_id" = "t38"."next_from"
          ) AS "t53"
        ) AS "t59"
          ON "t7"."user_id" = "t59"."u_from"
        LEFT OUTER JOIN (
          SELECT
            "t53"."from_id" AS "a_from",
            "t53"."person_id" AS "a_person"
          FROM (
            SELECT
              "t47"."from_id",
              COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
            FROM (
              SELECT
                "t27"."from_id",
                COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t23"."from_id",
                  "t23"."to_id" AS "person_id"
                FROM "t22" AS "t23"
                WHERE
                  "t23"."rank" = 0
              ) AS "t27"
              LEFT OUTER JOIN (
                SELECT
                  "t30"."from_id" AS "next_from",
                  "t30"."to_id" AS "next_to"
                FROM "t25" AS "t30"
              ) AS "t39"
                ON "t27"."person_id" = "t39"."next_from"
            ) AS "t47"
            LEFT OUTER JOIN (
              SELECT
                "t29"."from_id" AS "next_from",
                "t29"."to_id" AS "next_to"
              FROM "t25" AS "t29"
            ) AS "t38"
              ON "t47"."person_id" = "t38"."next_from"
          ) AS "t53"
        ) AS "t60"
          ON "t7"."anonymous_id" = "t60"."a_from"
      ) AS "t63"
      WHERE
        "t63"."is_known"
    ) AS "t67"
    LEFT OUTER JOIN (
      SELECT
        "t80"."user_id" AS "m_user",
        "t80"."account_id",
        "t80"."email_domain"
      FROM (
        SELECT
          "t79"."user_id",
          "t79"."email",
          "t79"."email_domain",
          "t79"."first_seen",
          "t79"."last_seen",
          COALESCE(
            "t79"."group_account",
            "t50"."domain_account",
            CASE
              WHEN (
                "t79"."email_domain" IS NOT NULL
              )
              AND NOT (
                "t79"."email_domain" IN (
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
              THEN 'domain:' || "t79"."email_domain"
              ELSE NULL
            END
          ) AS "account_id",
          CASE
            WHEN "t79"."group_account" IS NOT NULL
            THEN 'group'
            WHEN "t50"."domain_account" IS NOT NULL
            THEN 'domain'
            WHEN CASE
              WHEN (
                "t79"."email_domain" IS NOT NULL
              )
              AND NOT (
                "t79"."email_domain" IN (
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
              THEN 'domain:' || "t79"."email_domain"
              ELSE NULL
            END IS NOT NULL
            THEN 'email'
            ELSE NULL
          END AS "account_via"
        FROM (
          SELECT
            "t73"."user_id",
            "t73"."first_seen",
            "t73"."last_seen",
            "t74"."group_account",
            "t76"."email",
            NULLIF(
              CASE
                WHEN (
                  POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                ) >= 0
                THEN SUBSTRING(LOWER(TRIM(' 	
' FROM "t76"."email")) FROM CASE
                  WHEN (
                    (
                      POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                    ) + 1 + 1
                  ) >= 1
                  THEN (
                    POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                  ) + 1 + 1
                  ELSE (
                    POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                  ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t76"."email")))
                END)
                ELSE NULL
              END,
              ''
            ) AS "email_domain"
          FROM (
            SELECT
              "t68"."person_id" AS "user_id",
              MIN("t68"."timestamp") AS "first_seen",
              MAX("t68"."timestamp") AS "last_seen"
            FROM (
              SELECT
                *
              FROM "t64" AS "t65"
              WHERE
                "t65"."is_known"
            ) AS "t68"
            GROUP BY
              1
          ) AS "t73"
          LEFT OUTER JOIN (
            SELECT
              "t69"."person_id" AS "m_user",
              (
                ARRAY_AGG("t69"."group_id" ORDER BY "t69"."timestamp" DESC NULLS LAST) FILTER(WHERE
                  "t69"."timestamp" IS NOT NULL)
              )[1] AS "group_account"
            FROM (
              SELECT
                *
              FROM "t64" AS "t65"
              WHERE
                "t65"."is_known" AND "t65"."group_id" IS NOT NULL
            ) AS "t69"
            GROUP BY
              1
          ) AS "t74"
            ON "t73"."user_id" = "t74"."m_user"
          LEFT OUTER JOIN (
            SELECT
              "t70"."e_user",
              (
                ARRAY_AGG(
                  CASE
                    WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                    THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                    ELSE NULL
                  END ORDER BY "t70"."timestamp" DESC NULLS LAST
                ) FILTER(WHERE
                  "t70"."timestamp" IS NOT NULL
                  AND CASE
                    WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                    THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                    ELSE NULL
                  END IS NOT NULL)
              )[1] AS "email"
            FROM (
              SELECT
                "t65"."message_id",
                "t65"."type",
                "t65"."event",
                "t65"."name",
                "t65"."user_id",
                "t65"."anonymous_id",
                "t65"."group_id",
                "t65"."previous_id",
                "t65"."timestamp",
                "t65"."original_timestamp",
                "t65"."sent_at",
                "t65"."received_at",
                "t65"."properties",
                "t65"."traits",
                "t65"."context",
                "t65"."source",
                "t65"."loaded_at",
                "t65"."person_id",
                "t65"."is_known",
                "t65"."person_id" AS "e_user"
              FROM "t64" AS "t65"
              WHERE
                "t65"."is_known"
                AND "t65"."type" <> 'group'
                AND "t65"."traits" IS NOT NULL
                AND "t65"."person_id" IS NOT NULL
            ) AS "t70"
            GROUP BY
              1
          ) AS "t76"
            ON "t73"."user_id" = "t76"."e_user"
        ) AS "t79"
        LEFT OUTER JOIN (
          SELECT
            "t42"."domain",
            "t42"."group_id" AS "domain_account"
          FROM (
            SELECT
              "t33"."group_id",
              "t33"."since",
              "t33"."domain",
              ROW_NUMBER() OVER (
                PARTITION BY "t33"."domain"
                ORDER BY "t33"."since" ASC, "t33"."group_id" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "rank"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t17"."group_id",
                  "t11"."since",
                  NULLIF(
                    REGEXP_REPLACE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          LOWER(TRIM(' 	
' FROM COALESCE("t17"."domain", "t17"."website"))),
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
                    "t6"."group_id",
                    (
                      ARRAY_AGG(
                        CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END ORDER BY "t6"."timestamp" DESC NULLS LAST
                      ) FILTER(WHERE
                        "t6"."timestamp" IS NOT NULL
                        AND CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END IS NOT NULL)
                    )[1] AS "domain",
                    (
                      ARRAY_AGG(
                        CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END ORDER BY "t6"."timestamp" DESC NULLS LAST
                      ) FILTER(WHERE
                        "t6"."timestamp" IS NOT NULL
                        AND CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END IS NOT NULL)
                    )[1] AS "website"
                  FROM (
                    SELECT
                      *
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                      AND "t0"."type" = 'group'
                      AND "t0"."group_id" IS NOT NULL
                      AND "t0"."traits" IS NOT NULL
                  ) AS "t6"
                  GROUP BY
                    1
                ) AS "t17"
                INNER JOIN (
                  SELECT
                    "t2"."group_id" AS "fs_group",
                    MIN("t2"."timestamp") AS "since"
                  FROM (
                    SELECT
                      *
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                      AND "t0"."type" = 'group'
                      AND "t0"."group_id" IS NOT NULL
                  ) AS "t2"
                  GROUP BY
                    1
                ) AS "t11"
                  ON "t17"."group_id" = "t11"."fs_group"
              ) AS "t26"
              WHERE
                "t26"."domain" IS NOT NULL
            ) AS "t33"
          ) AS "t42"
          WHERE
            "t42"."rank" = 0
        ) AS "t50"
          ON "t79"."email_domain" = "t50"."domain"
      ) AS "t80"
    ) AS "t82"
      ON "t67"."person_id" = "t82"."m_user"
  ) AS "t84"
)
SELECT
  "t118"."entity_id",
  "t118"."account_id",
  "t118"."first_seen",
  "t118"."last_seen",
  "t118"."s__activated",
  "t118"."s__activated_within_7d",
  "t118"."s__core_feature_30d",
  "t118"."s__paywall_hits_30d",
  "t118"."s__enterprise_views_30d",
  "t118"."s__teammates_invited",
  "t118"."s__sessions_14d",
  "t118"."s__employees",
  "t118"."s__industry",
  "t118"."paying",
  CASE WHEN COALESCE("t118"."s__activated", FALSE) THEN 20.0 ELSE 0.0 END AS "p__activation__0",
  CASE WHEN COALESCE("t118"."s__activated_within_7d", FALSE) THEN 10.0 ELSE 0.0 END AS "p__activation__1",
  LEAST(
    CASE WHEN COALESCE("t118"."s__activated", FALSE) THEN 20.0 ELSE 0.0 END + CASE WHEN COALESCE("t118"."s__activated_within_7d", FALSE) THEN 10.0 ELSE 0.0 END,
    30.0
  ) AS "l__activation",
  COALESCE(
    CASE
      WHEN (
        "t118"."s__sessions_14d" >= 3.0
      ) AND (
        "t118"."s__sessions_14d" <= 6.0
      )
      THEN 10.0
      WHEN "t118"."s__sessions_14d" >= 7.0
      THEN 20.0
      ELSE 0.0
    END,
    0.0
  ) AS "p__usage__0",
  CASE
    WHEN COALESCE("t118"."s__core_feature_30d" >= 5.0, FALSE)
    THEN 10.0
    ELSE 0.0
  END AS "p__usage__1",
  LEAST(
    COALESCE(
      CASE
        WHEN (
          "t118"."s__sessions_14d" >= 3.0
        ) AND (
          "t118"."s__sessions_14d" <= 6.0
        )
        THEN 10.0
        WHEN "t118"."s__sessions_14d" >= 7.0
        THEN 20.0
        ELSE 0.0
      END,
      0.0
    ) + CASE
      WHEN COALESCE("t118"."s__core_feature_30d" >= 5.0, FALSE)
      THEN 10.0
      ELSE 0.0
    END,
    30.0
  ) AS "l__usage",
  COALESCE(
    CASE
      WHEN (
        "t118"."s__employees" >= 50.0
      ) AND (
        "t118"."s__employees" <= 199.0
      )
      THEN 10.0
      WHEN "t118"."s__employees" >= 200.0
      THEN 20.0
      ELSE 0.0
    END,
    0.0
  ) AS "p__firmographic__0",
  CASE
    WHEN COALESCE("t118"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
    THEN 5.0
    ELSE 0.0
  END AS "p__firmographic__1",
  LEAST(
    COALESCE(
      CASE
        WHEN (
          "t118"."s__employees" >= 50.0
        ) AND (
          "t118"."s__employees" <= 199.0
        )
        THEN 10.0
        WHEN "t118"."s__employees" >= 200.0
        THEN 20.0
        ELSE 0.0
      END,
      0.0
    ) + CASE
      WHEN COALESCE("t118"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
      THEN 5.0
      ELSE 0.0
    END,
    25.0
  ) AS "l__firmographic",
  CASE
    WHEN COALESCE("t118"."s__paywall_hits_30d" >= 1.0, FALSE)
    THEN 15.0
    ELSE 0.0
  END AS "p__intent__0",
  CASE
    WHEN COALESCE("t118"."s__enterprise_views_30d" >= 1.0, FALSE)
    THEN 15.0
    ELSE 0.0
  END AS "p__intent__1",
  CASE
    WHEN COALESCE("t118"."s__teammates_invited" >= 2.0, FALSE)
    THEN 10.0
    ELSE 0.0
  END AS "p__intent__2",
  LEAST(
    CASE
      WHEN COALESCE("t118"."s__paywall_hits_30d" >= 1.0, FALSE)
      THEN 15.0
      ELSE 0.0
    END + CASE
      WHEN COALESCE("t118"."s__enterprise_views_30d" >= 1.0, FALSE)
      THEN 15.0
      ELSE 0.0
    END + CASE
      WHEN COALESCE("t118"."s__teammates_invited" >= 2.0, FALSE)
      THEN 10.0
      ELSE 0.0
    END,
    30.0
  ) AS "l__intent",
  LEAST(
    CASE WHEN COALESCE("t118"."s__activated", FALSE) THEN 20.0 ELSE 0.0 END + CASE WHEN COALESCE("t118"."s__activated_within_7d", FALSE) THEN 10.0 ELSE 0.0 END,
    30.0
  ) + LEAST(
    COALESCE(
      CASE
        WHEN (
          "t118"."s__sessions_14d" >= 3.0
        ) AND (
          "t118"."s__sessions_14d" <= 6.0
        )
        THEN 10.0
        WHEN "t118"."s__sessions_14d" >= 7.0
        THEN 20.0
        ELSE 0.0
      END,
      0.0
    ) + CASE
      WHEN COALESCE("t118"."s__core_feature_30d" >= 5.0, FALSE)
      THEN 10.0
      ELSE 0.0
    END,
    30.0
  ) + LEAST(
    COALESCE(
      CASE
        WHEN (
          "t118"."s__employees" >= 50.0
        ) AND (
          "t118"."s__employees" <= 199.0
        )
        THEN 10.0
        WHEN "t118"."s__employees" >= 200.0
        THEN 20.0
        ELSE 0.0
      END,
      0.0
    ) + CASE
      WHEN COALESCE("t118"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
      THEN 5.0
      ELSE 0.0
    END,
    25.0
  ) + LEAST(
    CASE
      WHEN COALESCE("t118"."s__paywall_hits_30d" >= 1.0, FALSE)
      THEN 15.0
      ELSE 0.0
    END + CASE
      WHEN COALESCE("t118"."s__enterprise_views_30d" >= 1.0, FALSE)
      THEN 15.0
      ELSE 0.0
    END + CASE
      WHEN COALESCE("t118"."s__teammates_invited" >= 2.0, FALSE)
      THEN 10.0
      ELSE 0.0
    END,
    30.0
  ) AS "score",
  CASE
    WHEN (
      LEAST(
        CASE WHEN COALESCE("t118"."s__activated", FALSE) THEN 20.0 ELSE 0.0 END + CASE WHEN COALESCE("t118"."s__activated_within_7d", FALSE) THEN 10.0 ELSE 0.0 END,
        30.0
      ) + LEAST(
        COALESCE(
          CASE
            WHEN (
              "t118"."s__sessions_14d" >= 3.0
            ) AND (
              "t118"."s__sessions_14d" <= 6.0
            )
            THEN 10.0
            WHEN "t118"."s__sessions_14d" >= 7.0
            THEN 20.0
            ELSE 0.0
          END,
          0.0
        ) + CASE
          WHEN COALESCE("t118"."s__core_feature_30d" >= 5.0, FALSE)
          THEN 10.0
          ELSE 0.0
        END,
        30.0
      ) + LEAST(
        COALESCE(
          CASE
            WHEN (
              "t118"."s__employees" >= 50.0
            ) AND (
              "t118"."s__employees" <= 199.0
            )
            THEN 10.0
            WHEN "t118"."s__employees" >= 200.0
            THEN 20.0
            ELSE 0.0
          END,
          0.0
        ) + CASE
          WHEN COALESCE("t118"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN 5.0
          ELSE 0.0
        END,
        25.0
      ) + LEAST(
        CASE
          WHEN COALESCE("t118"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN 15.0
          ELSE 0.0
        END + CASE
          WHEN COALESCE("t118"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN 15.0
          ELSE 0.0
        END + CASE
          WHEN COALESCE("t118"."s__teammates_invited" >= 2.0, FALSE)
          THEN 10.0
          ELSE 0.0
        END,
        30.0
      )
    ) >= 70.0
    THEN 'hot'
    WHEN (
      LEAST(
        CASE WHEN COALESCE("t118"."s__activated", FALSE) THEN 20.0 ELSE 0.0 END + CASE WHEN COALESCE("t118"."s__activated_within_7d", FALSE) THEN 10.0 ELSE 0.0 END,
        30.0
      ) + LEAST(
        COALESCE(
          CASE
            WHEN (
              "t118"."s__sessions_14d" >= 3.0
            ) AND (
              "t118"."s__sessions_14d" <= 6.0
            )
            THEN 10.0
            WHEN "t118"."s__sessions_14d" >= 7.0
            THEN 20.0
            ELSE 0.0
          END,
          0.0
        ) + CASE
          WHEN COALESCE("t118"."s__core_feature_30d" >= 5.0, FALSE)
          THEN 10.0
          ELSE 0.0
        END,
        30.0
      ) + LEAST(
        COALESCE(
          CASE
            WHEN (
              "t118"."s__employees" >= 50.0
            ) AND (
              "t118"."s__employees" <= 199.0
            )
            THEN 10.0
            WHEN "t118"."s__employees" >= 200.0
            THEN 20.0
            ELSE 0.0
          END,
          0.0
        ) + CASE
          WHEN COALESCE("t118"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN 5.0
          ELSE 0.0
        END,
        25.0
      ) + LEAST(
        CASE
          WHEN COALESCE("t118"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN 15.0
          ELSE 0.0
        END + CASE
          WHEN COALESCE("t118"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN 15.0
          ELSE 0.0
        END + CASE
          WHEN COALESCE("t118"."s__teammates_invited" >= 2.0, FALSE)
          THEN 10.0
          ELSE 0.0
        END,
        30.0
      )
    ) >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS "as_of"
FROM (
  SELECT
    "t116"."entity_id",
    "t116"."account_id",
    "t116"."first_seen",
    "t116"."last_seen",
    "t116"."s__activated",
    "t116"."s__activated_within_7d",
    "t116"."s__core_feature_30d",
    "t116"."s__paywall_hits_30d",
    "t116"."s__enterprise_views_30d",
    "t116"."s__teammates_invited",
    "t116"."s__sessions_14d",
    "t116"."s__employees",
    "t116"."s__industry",
    "t97"."key" IS NOT NULL AS "paying"
  FROM (
    SELECT
      "t113"."entity_id",
      "t113"."account_id",
      "t113"."first_seen",
      "t113"."last_seen",
      "t113"."s__activated",
      "t113"."s__activated_within_7d",
      "t113"."s__core_feature_30d",
      "t113"."s__paywall_hits_30d",
      "t113"."s__enterprise_views_30d",
      "t113"."s__teammates_invited",
      "t113"."s__sessions_14d",
      "t113"."s__employees",
      "t20"."s__industry"
    FROM (
      SELECT
        "t110"."entity_id",
        "t110"."account_id",
        "t110"."first_seen",
        "t110"."last_seen",
        "t110"."s__activated",
        "t110"."s__activated_within_7d",
        "t110"."s__core_feature_30d",
        "t110"."s__paywall_hits_30d",
        "t110"."s__enterprise_views_30d",
        "t110"."s__teammates_invited",
        "t110"."s__sessions_14d",
        "t21"."s__employees"
      FROM (
        SELECT
          "t105"."entity_id",
          "t105"."account_id",
          "t105"."first_seen",
          "t105"."last_seen",
          "t105"."s__activated",
          "t105"."s__activated_within_7d",
          "t105"."s__core_feature_30d",
          "t105"."s__paywall_hits_30d",
          "t105"."s__enterprise_views_30d",
          "t105"."s__teammates_invited",
          COALESCE("t107"."s__sessions_14d", 0) AS "s__sessions_14d"
        FROM (
          SELECT
            "t98"."entity_id",
            "t98"."account_id",
            "t98"."first_seen",
            "t98"."last_seen",
            "t100"."s__activated",
            "t100"."s__activated_within_7d",
            COALESCE("t100"."s__core_feature_30d", 0) AS "s__core_feature_30d",
            COALESCE("t100"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
            COALESCE("t100"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
            COALESCE("t100"."s__teammates_invited", 0) AS "s__teammates_invited"
          FROM (
            SELECT
              "t92"."entity_id",
              MAX("t92"."account_id") AS "account_id",
              MIN("t92"."timestamp") AS "first_seen",
              MAX("t92"."timestamp") AS "last_seen"
            FROM "t90" AS "t92"
            GROUP BY
              1
          ) AS "t98"
          LEFT OUTER JOIN (
            SELECT
              "t92"."entity_id" AS "key",
              (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  ) AND "t92"."event" IN ('Project Created')) >= 1
              )
              AND (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  ) AND "t92"."event" IN ('Data Source Connected')) >= 1
              )
              AND (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  ) AND "t92"."event" IN ('Dashboard Created')) >= 1
              ) AS "s__activated",
              (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  )
                  AND "t92"."event" IN ('Project Created')
                  AND (
                    "t92"."timestamp" < (
                      "t92"."start" + INTERVAL '604800 SECOND'
                    )
                  )) >= 1
              )
              AND (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  )
                  AND "t92"."event" IN ('Data Source Connected')
                  AND (
                    "t92"."timestamp" < (
                      "t92"."start" + INTERVAL '604800 SECOND'
                    )
                  )) >= 1
              )
              AND (
                COUNT(*) FILTER(WHERE
                  (
                    "t92"."type" = 'track'
                  )
                  AND "t92"."event" IN ('Dashboard Created')
                  AND (
                    "t92"."timestamp" < (
                      "t92"."start" + INTERVAL '604800 SECOND'
                    )
                  )) >= 1
              ) AS "s__activated_within_7d",
              COUNT(*) FILTER(WHERE
                (
                  "t92"."type" = 'track'
                )
                AND "t92"."event" IN ('Report Created')
                AND (
                  "t92"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                )) AS "s__core_feature_30d",
              COUNT(*) FILTER(WHERE
                (
                  "t92"."type" = 'track'
                )
                AND "t92"."event" IN ('Paywall Hit')
                AND (
                  "t92"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                )) AS "s__paywall_hits_30d",
              COUNT(*) FILTER(WHERE
                (
                  "t92"."type" = 'track'
                )
                AND "t92"."event" IN ('Enterprise Feature Viewed')
                AND COALESCE(
                  CASE
                    WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t92"."properties", 'feature')) = 'string'
                    THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t92"."properties", 'feature'), VARIADIC ARRAY[]::TEXT[])
                    ELSE NULL
                  END IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                  FALSE
                )
                AND (
                  "t92"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                )) AS "s__enterprise_views_30d",
              COUNT(*) FILTER(WHERE
                (
                  "t92"."type" = 'track'
                ) AND "t92"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited"
            FROM "t90" AS "t92"
            GROUP BY
              1
          ) AS "t100"
            ON "t98"."entity_id" = "t100"."key"
        ) AS "t105"
        LEFT OUTER JOIN (
          SELECT
            "t103"."key",
            "t103"."value" AS "s__sessions_14d"
          FROM (
            SELECT
              "t101"."key",
              SUM("t101"."new") AS "value"
            FROM (
              SELECT
                "t96"."entity_id" AS "key",
                CASE
                  WHEN (
                    LAG("t96"."timestamp") OVER (
                      PARTITION BY "t96"."entity_id"
                      ORDER BY "t96"."timestamp" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) IS NULL
                  )
                  OR (
                    (
                      EXTRACT('epoch' FROM "t96"."timestamp") - EXTRACT('epoch' FROM LAG("t96"."timestamp") OVER (
                        PARTITION BY "t96"."entity_id"
                        ORDER BY "t96"."timestamp" ASC
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ))
                    ) > 1800.0
                  )
                  THEN 1
                  ELSE 0
                END AS "new"
              FROM (
                SELECT
                  *
                FROM "t90" AS "t92"
                WHERE
                  "t92"."type" IN ('track', 'page', 'screen')
                  AND "t92"."timestamp" >= CAST('2026-03-18T00:00:00' AS TIMESTAMP)
              ) AS "t96"
            ) AS "t101"
            GROUP BY
              1
          ) AS "t103"
        ) AS "t107"
          ON "t105"."entity_id" = "t107"."key"
      ) AS "t110"
      LEFT OUTER JOIN (
        SELECT
          "t16"."group_id" AS "key",
          "t16"."employees" AS "s__employees"
        FROM (
          SELECT
            "t9"."group_id",
            (
              ARRAY_AGG(
                CASE
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t9"."traits", 'employees')) = 'number'
                  THEN CAST(JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t9"."traits", 'employees'), VARIADIC ARRAY[]::TEXT[]) AS DOUBLE PRECISION)
                  ELSE NULL
                END ORDER BY "t9"."timestamp" DESC NULLS LAST
              ) FILTER(WHERE
                "t9"."timestamp" IS NOT NULL
                AND CASE
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t9"."traits", 'employees')) = 'number'
                  THEN CAST(JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t9"."traits", 'employees'), VARIADIC ARRAY[]::TEXT[]) AS DOUBLE PRECISION)
                  ELSE NULL
                END IS NOT NULL)
            )[1] AS "employees"
          FROM "t5" AS "t9"
          GROUP BY
            1
        ) AS "t16"
      ) AS "t21"
        ON "t110"."account_id" = "t21"."key"
    ) AS "t113"
    LEFT OUTER JOIN (
      SELECT
        "t15"."group_id" AS "key",
        "t15"."industry" AS "s__industry"
      FROM (
        SELECT
          "t9"."group_id",
          (
            ARRAY_AGG(
              CASE
                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t9"."traits", 'industry')) = 'string'
                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t9"."traits", 'industry'), VARIADIC ARRAY[]::TEXT[])
                ELSE NULL
              END ORDER BY "t9"."timestamp" DESC NULLS LAST
            ) FILTER(WHERE
              "t9"."timestamp" IS NOT NULL
              AND CASE
                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t9"."traits", 'industry')) = 'string'
                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t9"."traits", 'industry'), VARIADIC ARRAY[]::TEXT[])
                ELSE NULL
              END IS NOT NULL)
          )[1] AS "industry"
        FROM "t5" AS "t9"
        GROUP BY
          1
      ) AS "t15"
    ) AS "t20"
      ON "t113"."account_id" = "t20"."key"
  ) AS "t116"
  LEFT OUTER JOIN (
    SELECT DISTINCT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t84"."entity_id" AS "key"
        FROM (
          SELECT
            "t67"."message_id",
            "t67"."type",
            "t67"."event",
            "t67"."name",
            "t67"."user_id",
            "t67"."anonymous_id",
            "t67"."group_id",
            "t67"."previous_id",
            "t67"."timestamp",
            "t67"."original_timestamp",
            "t67"."sent_at",
            "t67"."received_at",
            "t67"."properties",
            "t67"."traits",
            "t67"."context",
            "t67"."source",
            "t67"."loaded_at",
            "t67"."person_id",
            "t82"."account_id",
            "t82"."email_domain",
            "t67"."person_id" AS "entity_id"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t7"."message_id",
                "t7"."type",
                "t7"."event",
                "t7"."name",
                "t7"."user_id",
                "t7"."anonymous_id",
                "t7"."group_id",
                "t7"."previous_id",
                "t7"."timestamp",
                "t7"."original_timestamp",
                "t7"."sent_at",
                "t7"."received_at",
                "t7"."properties",
                "t7"."traits",
                "t7"."context",
                "t7"."source",
                "t7"."loaded_at",
                COALESCE(COALESCE("t59"."u_person", "t7"."user_id"), "t60"."a_person", "t7"."anonymous_id") AS "person_id",
                (
                  "t7"."user_id" IS NOT NULL
                ) OR (
                  "t60"."a_person" IS NOT NULL
                ) AS "is_known"
              FROM (
                SELECT
                  *
                FROM "events" AS "t0"
                WHERE
                  "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
              ) AS "t7"
              LEFT OUTER JOIN (
                SELECT
                  "t53"."from_id" AS "u_from",
                  "t53"."person_id" AS "u_person"
                FROM (
                  SELECT
                    "t47"."from_id",
                    COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                  FROM (
                    SELECT
                      "t27"."from_id",
                      COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t23"."from_id",
                        "t23"."to_id" AS "person_id"
                      FROM "t22" AS "t23"
                      WHERE
                        "t23"."rank" = 0
                    ) AS "t27"
                    LEFT OUTER JOIN (
                      SELECT
                        "t30"."from_id" AS "next_from",
                        "t30"."to_id" AS "next_to"
                      FROM "t25" AS "t30"
                    ) AS "t39"
                      ON "t27"."person_id" = "t39"."next_from"
                  ) AS "t47"
                  LEFT OUTER JOIN (
                    SELECT
                      "t29"."from_id" AS "next_from",
                      "t29"."to_id" AS "next_to"
                    FROM "t25" AS "t29"
                  ) AS "t38"
                    ON "t47"."person_id" = "t38"."next_from"
                ) AS "t53"
              ) AS "t59"
                ON "t7"."user_id" = "t59"."u_from"
              LEFT OUTER JOIN (
                SELECT
                  "t53"."from_id" AS "a_from",
                  "t53"."person_id" AS "a_person"
                FROM (
                  SELECT
                    "t47"."from_id",
                    COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                  FROM (
                    SELECT
                      "t27"."from_id",
                      COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t23"."from_id",
                        "t23"."to_id" AS "person_id"
                      FROM "t22" AS "t23"
                      WHERE
                        "t23"."rank" = 0
                    ) AS "t27"
                    LEFT OUTER JOIN (
                      SELECT
                        "t30"."from_id" AS "next_from",
                        "t30"."to_id" AS "next_to"
                      FROM "t25" AS "t30"
                    ) AS "t39"
                      ON "t27"."person_id" = "t39"."next_from"
                  ) AS "t47"
                  LEFT OUTER JOIN (
                    SELECT
                      "t29"."from_id" AS "next_from",
                      "t29"."to_id" AS "next_to"
                    FROM "t25" AS "t29"
                  ) AS "t38"
                    ON "t47"."person_id" = "t38"."next_from"
                ) AS "t53"
              ) AS "t60"
                ON "t7"."anonymous_id" = "t60"."a_from"
            ) AS "t63"
            WHERE
              "t63"."is_known"
          ) AS "t67"
          LEFT OUTER JOIN (
            SELECT
              "t80"."user_id" AS "m_user",
              "t80"."account_id",
              "t80"."email_domain"
            FROM (
              SELECT
                "t79"."user_id",
                "t79"."email",
                "t79"."email_domain",
                "t79"."first_seen",
                "t79"."last_seen",
                COALESCE(
                  "t79"."group_account",
                  "t50"."domain_account",
                  CASE
                    WHEN (
                      "t79"."email_domain" IS NOT NULL
                    )
                    AND NOT (
                      "t79"."email_domain" IN (
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
                    THEN 'domain:' || "t79"."email_domain"
                    ELSE NULL
                  END
                ) AS "account_id",
                CASE
                  WHEN "t79"."group_account" IS NOT NULL
                  THEN 'group'
                  WHEN "t50"."domain_account" IS NOT NULL
                  THEN 'domain'
                  WHEN CASE
                    WHEN (
                      "t79"."email_domain" IS NOT NULL
                    )
                    AND NOT (
                      "t79"."email_domain" IN (
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
                    THEN 'domain:' || "t79"."email_domain"
                    ELSE NULL
                  END IS NOT NULL
                  THEN 'email'
                  ELSE NULL
                END AS "account_via"
              FROM (
                SELECT
                  "t73"."user_id",
                  "t73"."first_seen",
                  "t73"."last_seen",
                  "t74"."group_account",
                  "t76"."email",
                  NULLIF(
                    CASE
                      WHEN (
                        POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                      ) >= 0
                      THEN SUBSTRING(LOWER(TRIM(' 	
' FROM "t76"."email")) FROM CASE
                        WHEN (
                          (
                            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                          ) + 1 + 1
                        ) >= 1
                        THEN (
                          POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                        ) + 1 + 1
                        ELSE (
                          POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                        ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t76"."email")))
                      END)
                      ELSE NULL
                    END,
                    ''
                  ) AS "email_domain"
                FROM (
                  SELECT
                    "t68"."person_id" AS "user_id",
                    MIN("t68"."timestamp") AS "first_seen",
                    MAX("t68"."timestamp") AS "last_seen"
                  FROM (
                    SELECT
                      *
                    FROM "t64" AS "t65"
                    WHERE
                      "t65"."is_known"
                  ) AS "t68"
                  GROUP BY
                    1
                ) AS "t73"
                LEFT OUTER JOIN (
                  SELECT
                    "t69"."person_id" AS "m_user",
                    (
                      ARRAY_AGG("t69"."group_id" ORDER BY "t69"."timestamp" DESC NULLS LAST) FILTER(WHERE
                        "t69"."timestamp" IS NOT NULL)
                    )[1] AS "group_account"
                  FROM (
                    SELECT
                      *
                    FROM "t64" AS "t65"
                    WHERE
                      "t65"."is_known" AND "t65"."group_id" IS NOT NULL
                  ) AS "t69"
                  GROUP BY
                    1
                ) AS "t74"
                  ON "t73"."user_id" = "t74"."m_user"
                LEFT OUTER JOIN (
                  SELECT
                    "t70"."e_user",
                    (
                      ARRAY_AGG(
                        CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END ORDER BY "t70"."timestamp" DESC NULLS LAST
                      ) FILTER(WHERE
                        "t70"."timestamp" IS NOT NULL
                        AND CASE
                          WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                          THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                          ELSE NULL
                        END IS NOT NULL)
                    )[1] AS "email"
                  FROM (
                    SELECT
                      "t65"."message_id",
                      "t65"."type",
                      "t65"."event",
                      "t65"."name",
                      "t65"."user_id",
                      "t65"."anonymous_id",
                      "t65"."group_id",
                      "t65"."previous_id",
                      "t65"."timestamp",
                      "t65"."original_timestamp",
                      "t65"."sent_at",
                      "t65"."received_at",
                      "t65"."properties",
                      "t65"."traits",
                      "t65"."context",
                      "t65"."source",
                      "t65"."loaded_at",
                      "t65"."person_id",
                      "t65"."is_known",
                      "t65"."person_id" AS "e_user"
                    FROM "t64" AS "t65"
                    WHERE
                      "t65"."is_known"
                      AND "t65"."type" <> 'group'
                      AND "t65"."traits" IS NOT NULL
                      AND "t65"."person_id" IS NOT NULL
                  ) AS "t70"
                  GROUP BY
                    1
                ) AS "t76"
                  ON "t73"."user_id" = "t76"."e_user"
              ) AS "t79"
              LEFT OUTER JOIN (
                SELECT
                  "t42"."domain",
                  "t42"."group_id" AS "domain_account"
                FROM (
                  SELECT
                    "t33"."group_id",
                    "t33"."since",
                    "t33"."domain",
                    ROW_NUMBER() OVER (
                      PARTITION BY "t33"."domain"
                      ORDER BY "t33"."since" ASC, "t33"."group_id" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) - 1 AS "rank"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t17"."group_id",
                        "t11"."since",
                        NULLIF(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                LOWER(TRIM(' 	
' FROM COALESCE("t17"."domain", "t17"."website"))),
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
                          "t6"."group_id",
                          (
                            ARRAY_AGG(
                              CASE
                                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                ELSE NULL
                              END ORDER BY "t6"."timestamp" DESC NULLS LAST
                            ) FILTER(WHERE
                              "t6"."timestamp" IS NOT NULL
                              AND CASE
                                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                ELSE NULL
                              END IS NOT NULL)
                          )[1] AS "domain",
                          (
                            ARRAY_AGG(
                              CASE
                                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                ELSE NULL
                              END ORDER BY "t6"."timestamp" DESC NULLS LAST
                            ) FILTER(WHERE
                              "t6"."timestamp" IS NOT NULL
                              AND CASE
                                WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                ELSE NULL
                              END IS NOT NULL)
                          )[1] AS "website"
                        FROM (
                          SELECT
                            *
                          FROM "events" AS "t0"
                          WHERE
                            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                            AND "t0"."type" = 'group'
                            AND "t0"."group_id" IS NOT NULL
                            AND "t0"."traits" IS NOT NULL
                        ) AS "t6"
                        GROUP BY
                          1
                      ) AS "t17"
                      INNER JOIN (
                        SELECT
                          "t2"."group_id" AS "fs_group",
                          MIN("t2"."timestamp") AS "since"
                        FROM (
                          SELECT
                            *
                          FROM "events" AS "t0"
                          WHERE
                            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                            AND "t0"."type" = 'group'
                            AND "t0"."group_id" IS NOT NULL
                        ) AS "t2"
                        GROUP BY
                          1
                      ) AS "t11"
                        ON "t17"."group_id" = "t11"."fs_group"
                    ) AS "t26"
                    WHERE
                      "t26"."domain" IS NOT NULL
                  ) AS "t33"
                ) AS "t42"
                WHERE
                  "t42"."rank" = 0
              ) AS "t50"
                ON "t79"."email_domain" = "t50"."domain"
            ) AS "t80"
          ) AS "t82"
            ON "t67"."person_id" = "t82"."m_user"
        ) AS "t84"
        WHERE
          "t84"."type" = 'track' AND "t84"."event" IN ('Subscription Started')
      ) AS "t85"
      UNION
      SELECT
        *
      FROM (
        SELECT
          "t88"."entity_id" AS "key"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t67"."message_id",
              "t67"."type",
              "t67"."event",
              "t67"."name",
              "t67"."user_id",
              "t67"."anonymous_id",
              "t67"."group_id",
              "t67"."previous_id",
              "t67"."timestamp",
              "t67"."original_timestamp",
              "t67"."sent_at",
              "t67"."received_at",
              "t67"."properties",
              "t67"."traits",
              "t67"."context",
              "t67"."source",
              "t67"."loaded_at",
              "t67"."person_id",
              "t82"."account_id",
              "t82"."email_domain",
              "t67"."person_id" AS "entity_id"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t7"."message_id",
                  "t7"."type",
                  "t7"."event",
                  "t7"."name",
                  "t7"."user_id",
                  "t7"."anonymous_id",
                  "t7"."group_id",
                  "t7"."previous_id",
                  "t7"."timestamp",
                  "t7"."original_timestamp",
                  "t7"."sent_at",
                  "t7"."received_at",
                  "t7"."properties",
                  "t7"."traits",
                  "t7"."context",
                  "t7"."source",
                  "t7"."loaded_at",
                  COALESCE(COALESCE("t59"."u_person", "t7"."user_id"), "t60"."a_person", "t7"."anonymous_id") AS "person_id",
                  (
                    "t7"."user_id" IS NOT NULL
                  ) OR (
                    "t60"."a_person" IS NOT NULL
                  ) AS "is_known"
                FROM (
                  SELECT
                    *
                  FROM "events" AS "t0"
                  WHERE
                    "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                ) AS "t7"
                LEFT OUTER JOIN (
                  SELECT
                    "t53"."from_id" AS "u_from",
                    "t53"."person_id" AS "u_person"
                  FROM (
                    SELECT
                      "t47"."from_id",
                      COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t27"."from_id",
                        COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t23"."from_id",
                          "t23"."to_id" AS "person_id"
                        FROM "t22" AS "t23"
                        WHERE
                          "t23"."rank" = 0
                      ) AS "t27"
                      LEFT OUTER JOIN (
                        SELECT
                          "t30"."from_id" AS "next_from",
                          "t30"."to_id" AS "next_to"
                        FROM "t25" AS "t30"
                      ) AS "t39"
                        ON "t27"."person_id" = "t39"."next_from"
                    ) AS "t47"
                    LEFT OUTER JOIN (
                      SELECT
                        "t29"."from_id" AS "next_from",
                        "t29"."to_id" AS "next_to"
                      FROM "t25" AS "t29"
                    ) AS "t38"
                      ON "t47"."person_id" = "t38"."next_from"
                  ) AS "t53"
                ) AS "t59"
                  ON "t7"."user_id" = "t59"."u_from"
                LEFT OUTER JOIN (
                  SELECT
                    "t53"."from_id" AS "a_from",
                    "t53"."person_id" AS "a_person"
                  FROM (
                    SELECT
                      "t47"."from_id",
                      COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t27"."from_id",
                        COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t23"."from_id",
                          "t23"."to_id" AS "person_id"
                        FROM "t22" AS "t23"
                        WHERE
                          "t23"."rank" = 0
                      ) AS "t27"
                      LEFT OUTER JOIN (
                        SELECT
                          "t30"."from_id" AS "next_from",
                          "t30"."to_id" AS "next_to"
                        FROM "t25" AS "t30"
                      ) AS "t39"
                        ON "t27"."person_id" = "t39"."next_from"
                    ) AS "t47"
                    LEFT OUTER JOIN (
                      SELECT
                        "t29"."from_id" AS "next_from",
                        "t29"."to_id" AS "next_to"
                      FROM "t25" AS "t29"
                    ) AS "t38"
                      ON "t47"."person_id" = "t38"."next_from"
                  ) AS "t53"
                ) AS "t60"
                  ON "t7"."anonymous_id" = "t60"."a_from"
              ) AS "t63"
              WHERE
                "t63"."is_known"
            ) AS "t67"
            LEFT OUTER JOIN (
              SELECT
                "t80"."user_id" AS "m_user",
                "t80"."account_id",
                "t80"."email_domain"
              FROM (
                SELECT
                  "t79"."user_id",
                  "t79"."email",
                  "t79"."email_domain",
                  "t79"."first_seen",
                  "t79"."last_seen",
                  COALESCE(
                    "t79"."group_account",
                    "t50"."domain_account",
                    CASE
                      WHEN (
                        "t79"."email_domain" IS NOT NULL
                      )
                      AND NOT (
                        "t79"."email_domain" IN (
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
                      THEN 'domain:' || "t79"."email_domain"
                      ELSE NULL
                    END
                  ) AS "account_id",
                  CASE
                    WHEN "t79"."group_account" IS NOT NULL
                    THEN 'group'
                    WHEN "t50"."domain_account" IS NOT NULL
                    THEN 'domain'
                    WHEN CASE
                      WHEN (
                        "t79"."email_domain" IS NOT NULL
                      )
                      AND NOT (
                        "t79"."email_domain" IN (
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
                      THEN 'domain:' || "t79"."email_domain"
                      ELSE NULL
                    END IS NOT NULL
                    THEN 'email'
                    ELSE NULL
                  END AS "account_via"
                FROM (
                  SELECT
                    "t73"."user_id",
                    "t73"."first_seen",
                    "t73"."last_seen",
                    "t74"."group_account",
                    "t76"."email",
                    NULLIF(
                      CASE
                        WHEN (
                          POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                        ) >= 0
                        THEN SUBSTRING(LOWER(TRIM(' 	
' FROM "t76"."email")) FROM CASE
                          WHEN (
                            (
                              POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                            ) + 1 + 1
                          ) >= 1
                          THEN (
                            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                          ) + 1 + 1
                          ELSE (
                            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                          ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t76"."email")))
                        END)
                        ELSE NULL
                      END,
                      ''
                    ) AS "email_domain"
                  FROM (
                    SELECT
                      "t68"."person_id" AS "user_id",
                      MIN("t68"."timestamp") AS "first_seen",
                      MAX("t68"."timestamp") AS "last_seen"
                    FROM (
                      SELECT
                        *
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known"
                    ) AS "t68"
                    GROUP BY
                      1
                  ) AS "t73"
                  LEFT OUTER JOIN (
                    SELECT
                      "t69"."person_id" AS "m_user",
                      (
                        ARRAY_AGG("t69"."group_id" ORDER BY "t69"."timestamp" DESC NULLS LAST) FILTER(WHERE
                          "t69"."timestamp" IS NOT NULL)
                      )[1] AS "group_account"
                    FROM (
                      SELECT
                        *
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known" AND "t65"."group_id" IS NOT NULL
                    ) AS "t69"
                    GROUP BY
                      1
                  ) AS "t74"
                    ON "t73"."user_id" = "t74"."m_user"
                  LEFT OUTER JOIN (
                    SELECT
                      "t70"."e_user",
                      (
                        ARRAY_AGG(
                          CASE
                            WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                            THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                            ELSE NULL
                          END ORDER BY "t70"."timestamp" DESC NULLS LAST
                        ) FILTER(WHERE
                          "t70"."timestamp" IS NOT NULL
                          AND CASE
                            WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                            THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                            ELSE NULL
                          END IS NOT NULL)
                      )[1] AS "email"
                    FROM (
                      SELECT
                        "t65"."message_id",
                        "t65"."type",
                        "t65"."event",
                        "t65"."name",
                        "t65"."user_id",
                        "t65"."anonymous_id",
                        "t65"."group_id",
                        "t65"."previous_id",
                        "t65"."timestamp",
                        "t65"."original_timestamp",
                        "t65"."sent_at",
                        "t65"."received_at",
                        "t65"."properties",
                        "t65"."traits",
                        "t65"."context",
                        "t65"."source",
                        "t65"."loaded_at",
                        "t65"."person_id",
                        "t65"."is_known",
                        "t65"."person_id" AS "e_user"
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known"
                        AND "t65"."type" <> 'group'
                        AND "t65"."traits" IS NOT NULL
                        AND "t65"."person_id" IS NOT NULL
                    ) AS "t70"
                    GROUP BY
                      1
                  ) AS "t76"
                    ON "t73"."user_id" = "t76"."e_user"
                ) AS "t79"
                LEFT OUTER JOIN (
                  SELECT
                    "t42"."domain",
                    "t42"."group_id" AS "domain_account"
                  FROM (
                    SELECT
                      "t33"."group_id",
                      "t33"."since",
                      "t33"."domain",
                      ROW_NUMBER() OVER (
                        PARTITION BY "t33"."domain"
                        ORDER BY "t33"."since" ASC, "t33"."group_id" ASC
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) - 1 AS "rank"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t17"."group_id",
                          "t11"."since",
                          NULLIF(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  LOWER(TRIM(' 	
' FROM COALESCE("t17"."domain", "t17"."website"))),
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
                            "t6"."group_id",
                            (
                              ARRAY_AGG(
                                CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END ORDER BY "t6"."timestamp" DESC NULLS LAST
                              ) FILTER(WHERE
                                "t6"."timestamp" IS NOT NULL
                                AND CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END IS NOT NULL)
                            )[1] AS "domain",
                            (
                              ARRAY_AGG(
                                CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END ORDER BY "t6"."timestamp" DESC NULLS LAST
                              ) FILTER(WHERE
                                "t6"."timestamp" IS NOT NULL
                                AND CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END IS NOT NULL)
                            )[1] AS "website"
                          FROM (
                            SELECT
                              *
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                              AND "t0"."type" = 'group'
                              AND "t0"."group_id" IS NOT NULL
                              AND "t0"."traits" IS NOT NULL
                          ) AS "t6"
                          GROUP BY
                            1
                        ) AS "t17"
                        INNER JOIN (
                          SELECT
                            "t2"."group_id" AS "fs_group",
                            MIN("t2"."timestamp") AS "since"
                          FROM (
                            SELECT
                              *
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                              AND "t0"."type" = 'group'
                              AND "t0"."group_id" IS NOT NULL
                          ) AS "t2"
                          GROUP BY
                            1
                        ) AS "t11"
                          ON "t17"."group_id" = "t11"."fs_group"
                      ) AS "t26"
                      WHERE
                        "t26"."domain" IS NOT NULL
                    ) AS "t33"
                  ) AS "t42"
                  WHERE
                    "t42"."rank" = 0
                ) AS "t50"
                  ON "t79"."email_domain" = "t50"."domain"
              ) AS "t80"
            ) AS "t82"
              ON "t67"."person_id" = "t82"."m_user"
          ) AS "t84"
          WHERE
            "t84"."account_id" IS NOT NULL
        ) AS "t88"
        INNER JOIN (
          SELECT DISTINCT
            "t84"."account_id" AS "acc"
          FROM (
            SELECT
              "t67"."message_id",
              "t67"."type",
              "t67"."event",
              "t67"."name",
              "t67"."user_id",
              "t67"."anonymous_id",
              "t67"."group_id",
              "t67"."previous_id",
              "t67"."timestamp",
              "t67"."original_timestamp",
              "t67"."sent_at",
              "t67"."received_at",
              "t67"."properties",
              "t67"."traits",
              "t67"."context",
              "t67"."source",
              "t67"."loaded_at",
              "t67"."person_id",
              "t82"."account_id",
              "t82"."email_domain",
              "t67"."person_id" AS "entity_id"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t7"."message_id",
                  "t7"."type",
                  "t7"."event",
                  "t7"."name",
                  "t7"."user_id",
                  "t7"."anonymous_id",
                  "t7"."group_id",
                  "t7"."previous_id",
                  "t7"."timestamp",
                  "t7"."original_timestamp",
                  "t7"."sent_at",
                  "t7"."received_at",
                  "t7"."properties",
                  "t7"."traits",
                  "t7"."context",
                  "t7"."source",
                  "t7"."loaded_at",
                  COALESCE(COALESCE("t59"."u_person", "t7"."user_id"), "t60"."a_person", "t7"."anonymous_id") AS "person_id",
                  (
                    "t7"."user_id" IS NOT NULL
                  ) OR (
                    "t60"."a_person" IS NOT NULL
                  ) AS "is_known"
                FROM (
                  SELECT
                    *
                  FROM "events" AS "t0"
                  WHERE
                    "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                ) AS "t7"
                LEFT OUTER JOIN (
                  SELECT
                    "t53"."from_id" AS "u_from",
                    "t53"."person_id" AS "u_person"
                  FROM (
                    SELECT
                      "t47"."from_id",
                      COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t27"."from_id",
                        COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t23"."from_id",
                          "t23"."to_id" AS "person_id"
                        FROM "t22" AS "t23"
                        WHERE
                          "t23"."rank" = 0
                      ) AS "t27"
                      LEFT OUTER JOIN (
                        SELECT
                          "t30"."from_id" AS "next_from",
                          "t30"."to_id" AS "next_to"
                        FROM "t25" AS "t30"
                      ) AS "t39"
                        ON "t27"."person_id" = "t39"."next_from"
                    ) AS "t47"
                    LEFT OUTER JOIN (
                      SELECT
                        "t29"."from_id" AS "next_from",
                        "t29"."to_id" AS "next_to"
                      FROM "t25" AS "t29"
                    ) AS "t38"
                      ON "t47"."person_id" = "t38"."next_from"
                  ) AS "t53"
                ) AS "t59"
                  ON "t7"."user_id" = "t59"."u_from"
                LEFT OUTER JOIN (
                  SELECT
                    "t53"."from_id" AS "a_from",
                    "t53"."person_id" AS "a_person"
                  FROM (
                    SELECT
                      "t47"."from_id",
                      COALESCE("t38"."next_to", "t47"."person_id") AS "person_id"
                    FROM (
                      SELECT
                        "t27"."from_id",
                        COALESCE("t39"."next_to", "t27"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t23"."from_id",
                          "t23"."to_id" AS "person_id"
                        FROM "t22" AS "t23"
                        WHERE
                          "t23"."rank" = 0
                      ) AS "t27"
                      LEFT OUTER JOIN (
                        SELECT
                          "t30"."from_id" AS "next_from",
                          "t30"."to_id" AS "next_to"
                        FROM "t25" AS "t30"
                      ) AS "t39"
                        ON "t27"."person_id" = "t39"."next_from"
                    ) AS "t47"
                    LEFT OUTER JOIN (
                      SELECT
                        "t29"."from_id" AS "next_from",
                        "t29"."to_id" AS "next_to"
                      FROM "t25" AS "t29"
                    ) AS "t38"
                      ON "t47"."person_id" = "t38"."next_from"
                  ) AS "t53"
                ) AS "t60"
                  ON "t7"."anonymous_id" = "t60"."a_from"
              ) AS "t63"
              WHERE
                "t63"."is_known"
            ) AS "t67"
            LEFT OUTER JOIN (
              SELECT
                "t80"."user_id" AS "m_user",
                "t80"."account_id",
                "t80"."email_domain"
              FROM (
                SELECT
                  "t79"."user_id",
                  "t79"."email",
                  "t79"."email_domain",
                  "t79"."first_seen",
                  "t79"."last_seen",
                  COALESCE(
                    "t79"."group_account",
                    "t50"."domain_account",
                    CASE
                      WHEN (
                        "t79"."email_domain" IS NOT NULL
                      )
                      AND NOT (
                        "t79"."email_domain" IN (
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
                      THEN 'domain:' || "t79"."email_domain"
                      ELSE NULL
                    END
                  ) AS "account_id",
                  CASE
                    WHEN "t79"."group_account" IS NOT NULL
                    THEN 'group'
                    WHEN "t50"."domain_account" IS NOT NULL
                    THEN 'domain'
                    WHEN CASE
                      WHEN (
                        "t79"."email_domain" IS NOT NULL
                      )
                      AND NOT (
                        "t79"."email_domain" IN (
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
                      THEN 'domain:' || "t79"."email_domain"
                      ELSE NULL
                    END IS NOT NULL
                    THEN 'email'
                    ELSE NULL
                  END AS "account_via"
                FROM (
                  SELECT
                    "t73"."user_id",
                    "t73"."first_seen",
                    "t73"."last_seen",
                    "t74"."group_account",
                    "t76"."email",
                    NULLIF(
                      CASE
                        WHEN (
                          POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                        ) >= 0
                        THEN SUBSTRING(LOWER(TRIM(' 	
' FROM "t76"."email")) FROM CASE
                          WHEN (
                            (
                              POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                            ) + 1 + 1
                          ) >= 1
                          THEN (
                            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                          ) + 1 + 1
                          ELSE (
                            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t76"."email"))) - 1
                          ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t76"."email")))
                        END)
                        ELSE NULL
                      END,
                      ''
                    ) AS "email_domain"
                  FROM (
                    SELECT
                      "t68"."person_id" AS "user_id",
                      MIN("t68"."timestamp") AS "first_seen",
                      MAX("t68"."timestamp") AS "last_seen"
                    FROM (
                      SELECT
                        *
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known"
                    ) AS "t68"
                    GROUP BY
                      1
                  ) AS "t73"
                  LEFT OUTER JOIN (
                    SELECT
                      "t69"."person_id" AS "m_user",
                      (
                        ARRAY_AGG("t69"."group_id" ORDER BY "t69"."timestamp" DESC NULLS LAST) FILTER(WHERE
                          "t69"."timestamp" IS NOT NULL)
                      )[1] AS "group_account"
                    FROM (
                      SELECT
                        *
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known" AND "t65"."group_id" IS NOT NULL
                    ) AS "t69"
                    GROUP BY
                      1
                  ) AS "t74"
                    ON "t73"."user_id" = "t74"."m_user"
                  LEFT OUTER JOIN (
                    SELECT
                      "t70"."e_user",
                      (
                        ARRAY_AGG(
                          CASE
                            WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                            THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                            ELSE NULL
                          END ORDER BY "t70"."timestamp" DESC NULLS LAST
                        ) FILTER(WHERE
                          "t70"."timestamp" IS NOT NULL
                          AND CASE
                            WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t70"."traits", 'email')) = 'string'
                            THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t70"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                            ELSE NULL
                          END IS NOT NULL)
                      )[1] AS "email"
                    FROM (
                      SELECT
                        "t65"."message_id",
                        "t65"."type",
                        "t65"."event",
                        "t65"."name",
                        "t65"."user_id",
                        "t65"."anonymous_id",
                        "t65"."group_id",
                        "t65"."previous_id",
                        "t65"."timestamp",
                        "t65"."original_timestamp",
                        "t65"."sent_at",
                        "t65"."received_at",
                        "t65"."properties",
                        "t65"."traits",
                        "t65"."context",
                        "t65"."source",
                        "t65"."loaded_at",
                        "t65"."person_id",
                        "t65"."is_known",
                        "t65"."person_id" AS "e_user"
                      FROM "t64" AS "t65"
                      WHERE
                        "t65"."is_known"
                        AND "t65"."type" <> 'group'
                        AND "t65"."traits" IS NOT NULL
                        AND "t65"."person_id" IS NOT NULL
                    ) AS "t70"
                    GROUP BY
                      1
                  ) AS "t76"
                    ON "t73"."user_id" = "t76"."e_user"
                ) AS "t79"
                LEFT OUTER JOIN (
                  SELECT
                    "t42"."domain",
                    "t42"."group_id" AS "domain_account"
                  FROM (
                    SELECT
                      "t33"."group_id",
                      "t33"."since",
                      "t33"."domain",
                      ROW_NUMBER() OVER (
                        PARTITION BY "t33"."domain"
                        ORDER BY "t33"."since" ASC, "t33"."group_id" ASC
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) - 1 AS "rank"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t17"."group_id",
                          "t11"."since",
                          NULLIF(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  LOWER(TRIM(' 	
' FROM COALESCE("t17"."domain", "t17"."website"))),
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
                            "t6"."group_id",
                            (
                              ARRAY_AGG(
                                CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END ORDER BY "t6"."timestamp" DESC NULLS LAST
                              ) FILTER(WHERE
                                "t6"."timestamp" IS NOT NULL
                                AND CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'domain')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END IS NOT NULL)
                            )[1] AS "domain",
                            (
                              ARRAY_AGG(
                                CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END ORDER BY "t6"."timestamp" DESC NULLS LAST
                              ) FILTER(WHERE
                                "t6"."timestamp" IS NOT NULL
                                AND CASE
                                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t6"."traits", 'website')) = 'string'
                                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t6"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                                  ELSE NULL
                                END IS NOT NULL)
                            )[1] AS "website"
                          FROM (
                            SELECT
                              *
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                              AND "t0"."type" = 'group'
                              AND "t0"."group_id" IS NOT NULL
                              AND "t0"."traits" IS NOT NULL
                          ) AS "t6"
                          GROUP BY
                            1
                        ) AS "t17"
                        INNER JOIN (
                          SELECT
                            "t2"."group_id" AS "fs_group",
                            MIN("t2"."timestamp") AS "since"
                          FROM (
                            SELECT
                              *
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                              AND "t0"."type" = 'group'
                              AND "t0"."group_id" IS NOT NULL
                          ) AS "t2"
                          GROUP BY
                            1
                        ) AS "t11"
                          ON "t17"."group_id" = "t11"."fs_group"
                      ) AS "t26"
                      WHERE
                        "t26"."domain" IS NOT NULL
                    ) AS "t33"
                  ) AS "t42"
                  WHERE
                    "t42"."rank" = 0
                ) AS "t50"
                  ON "t79"."email_domain" = "t50"."domain"
              ) AS "t80"
            ) AS "t82"
              ON "t67"."person_id" = "t82"."m_user"
          ) AS "t84"
          WHERE
            "t84"."type" = 'track'
            AND "t84"."event" IN ('Subscription Started')
            AND "t84"."account_id" IS NOT NULL
        ) AS "t89"
          ON "t88"."account_id" = "t89"."acc"
      ) AS "t91"
    ) AS "t93"
  ) AS "t97"
    ON "t116"."entity_id" = "t97"."key"
) AS "t118"
WHERE
  NOT (
    "t118"."paying"
  );
