WITH "t5" AS (
  SELECT
    *
  FROM "events" AS "t0"
  WHERE
    "t0"."type" = 'group'
    AND "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
    AND isNotNull("t0"."traits")
    AND isNotNull("t0"."group_id")
), "t22" AS (
  SELECT
    "t14"."from_id" AS "from_id",
    "t14"."to_id" AS "to_id",
    "t14"."linked_at" AS "linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t14"."from_id"
      ORDER BY "t14"."linked_at" ASC, "t14"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t12"."from_id" AS "from_id",
      "t12"."to_id" AS "to_id",
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
            "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
            AND "t0"."type" = 'alias'
            AND isNotNull("t0"."previous_id")
            AND isNotNull("t0"."user_id")
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
            "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
            AND isNotNull("t0"."anonymous_id")
            AND isNotNull("t0"."user_id")
        ) AS "t4"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t12"
    GROUP BY
      "t12"."from_id",
      "t12"."to_id"
  ) AS "t14"
), "t25" AS (
  SELECT
    "t23"."from_id" AS "from_id",
    "t23"."to_id" AS "to_id",
    "t23"."linked_at" AS "linked_at"
  FROM "t22" AS "t23"
  WHERE
    "t23"."rank" = 0
), "t48" AS (
  SELECT
    "t7"."message_id" AS "message_id",
    "t7"."type" AS "type",
    "t7"."event" AS "event",
    "t7"."name" AS "name",
    "t7"."user_id" AS "user_id",
    "t7"."anonymous_id" AS "anonymous_id",
    "t7"."group_id" AS "group_id",
    "t7"."previous_id" AS "previous_id",
    "t7"."timestamp" AS "timestamp",
    "t7"."original_timestamp" AS "original_timestamp",
    "t7"."sent_at" AS "sent_at",
    "t7"."received_at" AS "received_at",
    "t7"."properties" AS "properties",
    "t7"."traits" AS "traits",
    "t7"."context" AS "context",
    "t7"."source" AS "source",
    "t7"."loaded_at" AS "loaded_at",
    COALESCE(COALESCE("t46"."u_person", "t7"."user_id"), "t47"."a_person", "t7"."anonymous_id") AS "person_id",
    isNotNull("t7"."user_id") OR isNotNull("t47"."a_person") AS "is_known"
  FROM (
    SELECT
      *
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t43"."from_id" AS "u_from",
      "t43"."person_id" AS "u_person"
    FROM (
      SELECT
        "t39"."from_id" AS "from_id",
        COALESCE("t34"."next_to", "t39"."person_id") AS "person_id"
      FROM (
        SELECT
          "t27"."from_id" AS "from_id",
          COALESCE("t35"."next_to", "t27"."person_id") AS "person_id"
        FROM (
          SELECT
            "t23"."from_id" AS "from_id",
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
        ) AS "t35"
          ON "t27"."person_id" = "t35"."next_from"
      ) AS "t39"
      LEFT OUTER JOIN (
        SELECT
          "t29"."from_id" AS "next_from",
          "t29"."to_id" AS "next_to"
        FROM "t25" AS "t29"
      ) AS "t34"
        ON "t39"."person_id" = "t34"."next_from"
    ) AS "t43"
  ) AS "t46"
    ON "t7"."user_id" = "t46"."u_from"
  LEFT OUTER JOIN (
    SELECT
      "t43"."from_id" AS "a_from",
      "t43"."person_id" AS "a_person"
    FROM (
      SELECT
        "t39"."from_id" AS "from_id",
        COALESCE("t34"."next_to", "t39"."person_id") AS "person_id"
      FROM (
        SELECT
          "t27"."from_id" AS "from_id",
          COALESCE("t35"."next_to", "t27"."person_id") AS "person_id"
        FROM (
          SELECT
            "t23"."from_id" AS "from_id",
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
        ) AS "t35"
          ON "t27"."person_id" = "t35"."next_from"
      ) AS "t39"
      LEFT OUTER JOIN (
        SELECT
          "t29"."from_id" AS "next_from",
          "t29"."to_id" AS "next_to"
        FROM "t25" AS "t29"
      ) AS "t34"
        ON "t39"."person_id" = "t34"."next_from"
    ) AS "t43"
  ) AS "t47"
    ON "t7"."anonymous_id" = "t47"."a_from"
), "t50" AS (
  SELECT
    *
  FROM "t48" AS "t49"
  WHERE
    "t49"."is_known"
), "t74" AS (
  SELECT
    "t68"."message_id" AS "message_id",
    "t68"."type" AS "type",
    "t68"."event" AS "event",
    "t68"."name" AS "name",
    "t68"."user_id" AS "user_id",
    "t68"."anonymous_id" AS "anonymous_id",
    "t68"."group_id" AS "group_id",
    "t68"."previous_id" AS "previous_id",
    "t68"."timestamp" AS "timestamp",
    "t68"."original_timestamp" AS "original_timestamp",
    "t68"."sent_at" AS "sent_at",
    "t68"."received_at" AS "received_at",
    "t68"."properties" AS "properties",
    "t68"."traits" AS "traits",
    "t68"."context" AS "context",
    "t68"."source" AS "source",
    "t68"."loaded_at" AS "loaded_at",
    "t68"."person_id" AS "person_id",
    "t68"."account_id" AS "account_id",
    "t68"."email_domain" AS "email_domain",
    "t68"."entity_id" AS "entity_id",
    COALESCE(
      MIN(
        CASE
          WHEN (
            "t68"."type" = 'track'
          ) AND (
            "t68"."event" = 'Signed Up'
          )
          THEN "t68"."timestamp"
          ELSE NULL
        END
      ) OVER (
        PARTITION BY "t68"."entity_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ),
      MIN("t68"."timestamp") OVER (
        PARTITION BY "t68"."entity_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      )
    ) AS "start"
  FROM (
    SELECT
      "t54"."message_id" AS "message_id",
      "t54"."type" AS "type",
      "t54"."event" AS "event",
      "t54"."name" AS "name",
      "t54"."user_id" AS "user_id",
      "t54"."anonymous_id" AS "anonymous_id",
      "t54"."group_id" AS "group_id",
      "t54"."previous_id" AS "previous_id",
      "t54"."timestamp" AS "timestamp",
      "t54"."original_timestamp" AS "original_timestamp",
      "t54"."sent_at" AS "sent_at",
      "t54"."received_at" AS "received_at",
      "t54"."properties" AS "properties",
      "t54"."traits" AS "traits",
      "t54"."context" AS "context",
      "t54"."source" AS "source",
      "t54"."loaded_at" AS "loaded_at",
      "t54"."person_id" AS "person_id",
      "t66"."account_id" AS "account_id",
      "t66"."email_domain" AS "email_domain",
      "t54"."person_id" AS "entity_id"
    FROM "t50" AS "t54"
    LEFT OUTER JOIN (
      SELECT
        "t64"."user_id" AS "m_user",
        "t64"."account_id" AS "account_id",
        "t64"."email_domain" AS "email_domain"
      FROM (
        SELECT
          "t63"."user_id" AS "user_id",
          "t63"."email" AS "email",
          "t63"."email_domain" AS "email_domain",
          "t63"."first_seen" AS "first_seen",
          "t63"."last_seen" AS "last_seen",
          COALESCE(
            "t63"."group_account",
            "t41"."domain_account",
            CASE
              WHEN isNotNull("t63"."email_domain")
              AND NOT (
                "t63"."email_domain" IN (
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
              THEN CONCAT('domain:', "t63"."email_domain")
              ELSE NULL
            END
          ) AS "account_id",
          CASE
            WHEN isNotNull("t63"."group_account")
            THEN 'group'
            WHEN isNotNull("t41"."domain_account")
            THEN 'domain'
            WHEN isNotNull(
              CASE
                WHEN isNotNull("t63"."email_domain")
                AND NOT (
                  "t63"."email_domain" IN (
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
                THEN CONCAT('domain:', "t63"."email_domain")
                ELSE NULL
              END
            )
            THEN 'email'
            ELSE NULL
          END AS "account_via"
        FROM (
          SELECT
            "t58"."user_id" AS "user_id",
            "t58"."first_seen" AS "first_seen",
            "t58"."last_seen" AS "last_seen",
            "t57"."group_account" AS "group_account",
            "t60"."email" AS "email",
            nullIf(
              CASE
                WHEN (
                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                ) >= 0
                THEN SUBSTRING(
                  LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")),
                  CASE
                    WHEN (
                      (
                        position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                      ) + 1 + 1
                    ) >= 1
                    THEN (
                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                    ) + 1 + 1
                    ELSE (
                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                    ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")))
                  END
                )
                ELSE NULL
              END,
              ''
            ) AS "email_domain"
          FROM (
            SELECT
              "t53"."person_id" AS "user_id",
              MIN("t53"."timestamp") AS "first_seen",
              MAX("t53"."timestamp") AS "last_seen"
            FROM "t50" AS "t53"
            GROUP BY
              "t53"."person_id"
          ) AS "t58"
          LEFT OUTER JOIN (
            SELECT
              "t51"."person_id" AS "m_user",
              argMax(tuple("t51"."group_id"), "t51"."timestamp").1 AS "group_account"
            FROM (
              SELECT
                *
              FROM "t48" AS "t49"
              WHERE
                "t49"."is_known" AND isNotNull("t49"."group_id")
            ) AS "t51"
            GROUP BY
              "t51"."person_id"
          ) AS "t57"
            ON "t58"."user_id" = "t57"."m_user"
          LEFT OUTER JOIN (
            SELECT
              "t52"."e_user" AS "e_user",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                    ELSE NULL
                  END
                ),
                "t52"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                    ELSE NULL
                  END
                )
              ).1 AS "email"
            FROM (
              SELECT
                "t49"."message_id" AS "message_id",
                "t49"."type" AS "type",
                "t49"."event" AS "event",
                "t49"."name" AS "name",
                "t49"."user_id" AS "user_id",
                "t49"."anonymous_id" AS "anonymous_id",
                "t49"."group_id" AS "group_id",
                "t49"."previous_id" AS "previous_id",
                "t49"."timestamp" AS "timestamp",
                "t49"."original_timestamp" AS "original_timestamp",
                "t49"."sent_at" AS "sent_at",
                "t49"."received_at" AS "received_at",
                "t49"."properties" AS "properties",
                "t49"."traits" AS "traits",
                "t49"."context" AS "context",
                "t49"."source" AS "source",
                "t49"."loaded_at" AS "loaded_at",
                "t49"."person_id" AS "person_id",
                "t49"."is_known" AS "is_known",
                "t49"."person_id" AS "e_user"
              FROM "t48" AS "t49"
              WHERE
                "t49"."is_known"
                AND "t49"."type" <> 'group'
                AND isNotNull("t49"."traits")
                AND isNotNull("t49"."person_id")
            ) AS "t52"
            GROUP BY
              "t52"."e_user"
          ) AS "t60"
            ON "t58"."user_id" = "t60"."e_user"
        ) AS "t63"
        LEFT OUTER JOIN (
          SELECT
            "t36"."domain" AS "domain",
            "t36"."group_id" AS "domain_account"
          FROM (
            SELECT
              "t31"."group_id" AS "group_id",
              "t31"."since" AS "since",
              "t31"."domain" AS "domain",
              ROW_NUMBER() OVER (
                PARTITION BY "t31"."domain"
                ORDER BY "t31"."since" ASC, "t31"."group_id" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "rank"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t17"."group_id" AS "group_id",
                  "t11"."since" AS "since",
                  nullIf(
                    replaceRegexpAll(
                      replaceRegexpAll(
                        replaceRegexpAll(
                          LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t17"."domain", "t17"."website"))),
                          '^[a-z]+://',
                          ''
                        ),
                        '^www\\.',
                        ''
                      ),
                      '[/:?#].*$',
                      ''
                    ),
                    ''
                  ) AS "domain"
                FROM (
                  SELECT
                    "t6"."group_id" AS "group_id",
                    argMaxIf(
                      tuple(
                        CASE
                          WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                          ELSE NULL
                        END
                      ),
                      "t6"."timestamp",
                      isNotNull(
                        CASE
                          WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                          ELSE NULL
                        END
                      )
                    ).1 AS "domain",
                    argMaxIf(
                      tuple(
                        CASE
                          WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                          ELSE NULL
                        END
                      ),
                      "t6"."timestamp",
                      isNotNull(
                        CASE
                          WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                          ELSE NULL
                        END
                      )
                    ).1 AS "website"
                  FROM (
                    SELECT
                      *
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                      AND "t0"."type" = 'group'
                      AND isNotNull("t0"."group_id")
                      AND isNotNull("t0"."traits")
                  ) AS "t6"
                  GROUP BY
                    "t6"."group_id"
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
                      "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                      AND "t0"."type" = 'group'
                      AND isNotNull("t0"."group_id")
                  ) AS "t2"
                  GROUP BY
                    "t2"."group_id"
                ) AS "t11"
                  ON "t17"."group_id" = "t11"."fs_group"
              ) AS "t26"
              WHERE
                isNotNull("t26"."domain")
            ) AS "t31"
          ) AS "t36"
          WHERE
            "t36"."rank" = 0
        ) AS "t41"
          ON "t63"."email_domain" = "t41"."domain"
      ) AS "t64"
    ) AS "t66"
      ON "t54"."person_id" = "t66"."m_user"
  ) AS "t68"
)
SELECT
  "t108"."entity_id" AS "entity_id",
  "t108"."account_id" AS "account_id",
  "t108"."first_seen" AS "first_seen",
  "t108"."last_seen" AS "last_seen",
  "t108"."s__activated" AS "s__activated",
  "t108"."s__activated_within_7d" AS "s__activated_within_7d",
  "t108"."s__core_feature_30d" AS "s__core_feature_30d",
  "t108"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
  "t108"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
  "t108"."s__teammates_invited" AS "s__teammates_invited",
  "t108"."s__sessions_14d" AS "s__sessions_14d",
  "t108"."s__employees" AS "s__employees",
  "t108"."s__industry" AS "s__industry",
  "t108"."paying" AS "paying",
  "t108"."p__activation__0" AS "p__activation__0",
  "t108"."p__activation__1" AS "p__activation__1",
  "t108"."p__usage__0" AS "p__usage__0",
  "t108"."p__usage__1" AS "p__usage__1",
  "t108"."p__firmographic__0" AS "p__firmographic__0",
  "t108"."p__firmographic__1" AS "p__firmographic__1",
  "t108"."p__intent__0" AS "p__intent__0",
  "t108"."p__intent__1" AS "p__intent__1",
  "t108"."p__intent__2" AS "p__intent__2",
  "t108"."l__activation" AS "l__activation",
  "t108"."l__usage" AS "l__usage",
  "t108"."l__firmographic" AS "l__firmographic",
  "t108"."l__intent" AS "l__intent",
  "t108"."score" AS "score",
  CASE
    WHEN "t108"."score" >= 70.0
    THEN 'hot'
    WHEN "t108"."score" >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  parseDateTimeBestEffort('2026-04-01T00:00:00') AS "as_of"
FROM (
  SELECT
    "t106"."entity_id" AS "entity_id",
    "t106"."account_id" AS "account_id",
    "t106"."first_seen" AS "first_seen",
    "t106"."last_seen" AS "last_seen",
    "t106"."s__activated" AS "s__activated",
    "t106"."s__activated_within_7d" AS "s__activated_within_7d",
    "t106"."s__core_feature_30d" AS "s__core_feature_30d",
    "t106"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
    "t106"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
    "t106"."s__teammates_invited" AS "s__teammates_invited",
    "t106"."s__sessions_14d" AS "s__sessions_14d",
    "t106"."s__employees" AS "s__employees",
    "t106"."s__industry" AS "s__industry",
    "t106"."paying" AS "paying",
    "t106"."p__activation__0" AS "p__activation__0",
    "t106"."p__activation__1" AS "p__activation__1",
    "t106"."p__usage__0" AS "p__usage__0",
    "t106"."p__usage__1" AS "p__usage__1",
    "t106"."p__firmographic__0" AS "p__firmographic__0",
    "t106"."p__firmographic__1" AS "p__firmographic__1",
    "t106"."p__intent__0" AS "p__intent__0",
    "t106"."p__intent__1" AS "p__intent__1",
    "t106"."p__intent__2" AS "p__intent__2",
    "t106"."l__activation" AS "l__activation",
    "t106"."l__usage" AS "l__usage",
    "t106"."l__firmographic" AS "l__firmographic",
    "t106"."l__intent" AS "l__intent",
    "t106"."l__activation" + "t106"."l__usage" + "t106"."l__firmographic" + "t106"."l__intent" AS "score"
  FROM (
    SELECT
      "t104"."entity_id" AS "entity_id",
      "t104"."account_id" AS "account_id",
      "t104"."first_seen" AS "first_seen",
      "t104"."last_seen" AS "last_seen",
      "t104"."s__activated" AS "s__activated",
      "t104"."s__activated_within_7d" AS "s__activated_within_7d",
      "t104"."s__core_feature_30d" AS "s__core_feature_30d",
      "t104"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
      "t104"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
      "t104"."s__teammates_invited" AS "s__teammates_invited",
      "t104"."s__sessions_14d" AS "s__sessions_14d",
      "t104"."s__employees" AS "s__employees",
      "t104"."s__industry" AS "s__industry",
      "t104"."paying" AS "paying",
      "t104"."p__activation__0" AS "p__activation__0",
      "t104"."p__activation__1" AS "p__activation__1",
      "t104"."p__usage__0" AS "p__usage__0",
      "t104"."p__usage__1" AS "p__usage__1",
      "t104"."p__firmographic__0" AS "p__firmographic__0",
      "t104"."p__firmographic__1" AS "p__firmographic__1",
      "t104"."p__intent__0" AS "p__intent__0",
      "t104"."p__intent__1" AS "p__intent__1",
      "t104"."p__intent__2" AS "p__intent__2",
      LEAST(
        "t104"."p__activation__0" + "t104"."p__activation__1",
        CAST(30 AS Nullable(Float64))
      ) AS "l__activation",
      LEAST("t104"."p__usage__0" + "t104"."p__usage__1", CAST(30 AS Nullable(Float64))) AS "l__usage",
      LEAST(
        "t104"."p__firmographic__0" + "t104"."p__firmographic__1",
        CAST(25 AS Nullable(Float64))
      ) AS "l__firmographic",
      LEAST(
        "t104"."p__intent__0" + "t104"."p__intent__1" + "t104"."p__intent__2",
        CAST(30 AS Nullable(Float64))
      ) AS "l__intent"
    FROM (
      SELECT
        "t102"."entity_id" AS "entity_id",
        "t102"."account_id" AS "account_id",
        "t102"."first_seen" AS "first_seen",
        "t102"."last_seen" AS "last_seen",
        "t102"."s__activated" AS "s__activated",
        "t102"."s__activated_within_7d" AS "s__activated_within_7d",
        "t102"."s__core_feature_30d" AS "s__core_feature_30d",
        "t102"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
        "t102"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
        "t102"."s__teammates_invited" AS "s__teammates_invited",
        "t102"."s__sessions_14d" AS "s__sessions_14d",
        "t102"."s__employees" AS "s__employees",
        "t102"."s__industry" AS "s__industry",
        "t102"."paying" AS "paying",
        CASE
          WHEN COALESCE("t102"."s__activated", FALSE)
          THEN CAST(20 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__activation__0",
        CASE
          WHEN COALESCE("t102"."s__activated_within_7d", FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__activation__1",
        COALESCE(
          CASE
            WHEN (
              "t102"."s__sessions_14d" >= 3.0
            ) AND (
              "t102"."s__sessions_14d" <= 6.0
            )
            THEN CAST(10 AS Nullable(Float64))
            WHEN "t102"."s__sessions_14d" >= 7.0
            THEN CAST(20 AS Nullable(Float64))
            ELSE CAST(0 AS Nullable(Float64))
          END,
          CAST(0 AS Nullable(Float64))
        ) AS "p__usage__0",
        CASE
          WHEN COALESCE("t102"."s__core_feature_30d" >= 5.0, FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__usage__1",
        COALESCE(
          CASE
            WHEN (
              "t102"."s__employees" >= 50.0
            ) AND (
              "t102"."s__employees" <= 199.0
            )
            THEN CAST(10 AS Nullable(Float64))
            WHEN "t102"."s__employees" >= 200.0
            THEN CAST(20 AS Nullable(Float64))
            ELSE CAST(0 AS Nullable(Float64))
          END,
          CAST(0 AS Nullable(Float64))
        ) AS "p__firmographic__0",
        CASE
          WHEN COALESCE("t102"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN CAST(5 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__firmographic__1",
        CASE
          WHEN COALESCE("t102"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN CAST(15 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__0",
        CASE
          WHEN COALESCE("t102"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN CAST(15 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__1",
        CASE
          WHEN COALESCE("t102"."s__teammates_invited" >= 2.0, FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__2"
      FROM (
        SELECT
          "t100"."entity_id" AS "entity_id",
          "t100"."account_id" AS "account_id",
          "t100"."first_seen" AS "first_seen",
          "t100"."last_seen" AS "last_seen",
          "t100"."s__activated" AS "s__activated",
          "t100"."s__activated_within_7d" AS "s__activated_within_7d",
          "t100"."s__core_feature_30d" AS "s__core_feature_30d",
          "t100"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
          "t100"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
          "t100"."s__teammates_invited" AS "s__teammates_invited",
          "t100"."s__sessions_14d" AS "s__sessions_14d",
          "t100"."s__employees" AS "s__employees",
          "t100"."s__industry" AS "s__industry",
          isNotNull("t81"."key") AS "paying"
        FROM (
          SELECT
            "t97"."entity_id" AS "entity_id",
            "t97"."account_id" AS "account_id",
            "t97"."first_seen" AS "first_seen",
            "t97"."last_seen" AS "last_seen",
            "t97"."s__activated" AS "s__activated",
            "t97"."s__activated_within_7d" AS "s__activated_within_7d",
            "t97"."s__core_feature_30d" AS "s__core_feature_30d",
            "t97"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
            "t97"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
            "t97"."s__teammates_invited" AS "s__teammates_invited",
            "t97"."s__sessions_14d" AS "s__sessions_14d",
            "t97"."s__employees" AS "s__employees",
            "t20"."s__industry" AS "s__industry"
          FROM (
            SELECT
              "t94"."entity_id" AS "entity_id",
              "t94"."account_id" AS "account_id",
              "t94"."first_seen" AS "first_seen",
              "t94"."last_seen" AS "last_seen",
              "t94"."s__activated" AS "s__activated",
              "t94"."s__activated_within_7d" AS "s__activated_within_7d",
              "t94"."s__core_feature_30d" AS "s__core_feature_30d",
              "t94"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
              "t94"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
              "t94"."s__teammates_invited" AS "s__teammates_invited",
              "t94"."s__sessions_14d" AS "s__sessions_14d",
              "t21"."s__employees" AS "s__employees"
            FROM (
              SELECT
                "t89"."entity_id" AS "entity_id",
                "t89"."account_id" AS "account_id",
                "t89"."first_seen" AS "first_seen",
                "t89"."last_seen" AS "last_seen",
                "t89"."s__activated" AS "s__activated",
                "t89"."s__activated_within_7d" AS "s__activated_within_7d",
                "t89"."s__core_feature_30d" AS "s__core_feature_30d",
                "t89"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
                "t89"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
                "t89"."s__teammates_invited" AS "s__teammates_invited",
                COALESCE("t91"."s__sessions_14d", 0) AS "s__sessions_14d"
              FROM (
                SELECT
                  "t82"."entity_id" AS "entity_id",
                  "t82"."account_id" AS "account_id",
                  "t82"."first_seen" AS "first_seen",
                  "t82"."last_seen" AS "last_seen",
                  COALESCE("t84"."s__activated", FALSE) AS "s__activated",
                  COALESCE("t84"."s__activated_within_7d", FALSE) AS "s__activated_within_7d",
                  COALESCE("t84"."s__core_feature_30d", 0) AS "s__core_feature_30d",
                  COALESCE("t84"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
                  COALESCE("t84"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
                  COALESCE("t84"."s__teammates_invited", 0) AS "s__teammates_invited"
                FROM (
                  SELECT
                    "t76"."entity_id" AS "entity_id",
                    MAX("t76"."account_id") AS "account_id",
                    MIN("t76"."timestamp") AS "first_seen",
                    MAX("t76"."timestamp") AS "last_seen"
                  FROM "t74" AS "t76"
                  GROUP BY
                    "t76"."entity_id"
                ) AS "t82"
                LEFT OUTER JOIN (
                  SELECT
                    "t76"."entity_id" AS "key",
                    (
                      countIf((
                        "t76"."type" = 'track'
                      ) AND "t76"."event" IN ('Project Created')) >= 1
                    )
                    AND (
                      countIf((
                        "t76"."type" = 'track'
                      ) AND "t76"."event" IN ('Data Source Connected')) >= 1
                    )
                    AND (
                      countIf((
                        "t76"."type" = 'track'
                      ) AND "t76"."event" IN ('Dashboard Created')) >= 1
                    ) AS "s__activated",
                    (
                      countIf(
                        (
                          "t76"."type" = 'track'
                        )
                        AND "t76"."event" IN ('Project Created')
                        AND (
                          "t76"."timestamp" < (
                            "t76"."start" + INTERVAL '604800' SECOND
                          )
                        )
                      ) >= 1
                    )
                    AND (
                      countIf(
                        (
                          "t76"."type" = 'track'
                        )
                        AND "t76"."event" IN ('Data Source Connected')
                        AND (
                          "t76"."timestamp" < (
                            "t76"."start" + INTERVAL '604800' SECOND
                          )
                        )
                      ) >= 1
                    )
                    AND (
                      countIf(
                        (
                          "t76"."type" = 'track'
                        )
                        AND "t76"."event" IN ('Dashboard Created')
                        AND (
                          "t76"."timestamp" < (
                            "t76"."start" + INTERVAL '604800' SECOND
                          )
                        )
                      ) >= 1
                    ) AS "s__activated_within_7d",
                    countIf(
                      (
                        "t76"."type" = 'track'
                      )
                      AND "t76"."event" IN ('Report Created')
                      AND (
                        "t76"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                      )
                    ) AS "s__core_feature_30d",
                    countIf(
                      (
                        "t76"."type" = 'track'
                      )
                      AND "t76"."event" IN ('Paywall Hit')
                      AND (
                        "t76"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                      )
                    ) AS "s__paywall_hits_30d",
                    countIf(
                      (
                        "t76"."type" = 'track'
                      )
                      AND "t76"."event" IN ('Enterprise Feature Viewed')
                      AND COALESCE(
                        CASE
                          WHEN JSONType(JSONExtractRaw("t76"."properties", 'feature')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t76"."properties", 'feature'))
                          ELSE NULL
                        END IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                        FALSE
                      )
                      AND (
                        "t76"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                      )
                    ) AS "s__enterprise_views_30d",
                    countIf((
                      "t76"."type" = 'track'
                    ) AND "t76"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited"
                  FROM "t74" AS "t76"
                  GROUP BY
                    "t76"."entity_id"
                ) AS "t84"
                  ON "t82"."entity_id" = "t84"."key"
              ) AS "t89"
              LEFT OUTER JOIN (
                SELECT
                  "t87"."key" AS "key",
                  "t87"."value" AS "s__sessions_14d"
                FROM (
                  SELECT
                    "t85"."key" AS "key",
                    SUM("t85"."new") AS "value"
                  FROM (
                    SELECT
                      "t80"."entity_id" AS "key",
                      CASE
                        WHEN isNull(
                          lagInFrame("t80"."timestamp") OVER (
                            PARTITION BY "t80"."entity_id"
                            ORDER BY "t80"."timestamp" ASC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                          )
                        )
                        OR (
                          (
                            toRelativeSecondNum("t80"."timestamp") - toRelativeSecondNum(
                              lagInFrame("t80"."timestamp") OVER (
                                PARTITION BY "t80"."entity_id"
                                ORDER BY "t80"."timestamp" ASC
                                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                              )
                            )
                          ) > 1800.0
                        )
                        THEN 1
                        ELSE 0
                      END AS "new"
                    FROM (
                      SELECT
                        *
                      FROM "t74" AS "t76"
                      WHERE
                        "t76"."type" IN ('track', 'page', 'screen')
                        AND "t76"."timestamp" >= parseDateTimeBestEffort('2026-03-18T00:00:00')
                    ) AS "t80"
                  ) AS "t85"
                  GROUP BY
                    "t85"."key"
                ) AS "t87"
              ) AS "t91"
                ON "t89"."entity_id" = "t91"."key"
            ) AS "t94"
            LEFT OUTER JOIN (
              SELECT
                "t16"."group_id" AS "key",
                "t16"."employees" AS "s__employees"
              FROM (
                SELECT
                  "t9"."group_id" AS "group_id",
                  argMaxIf(
                    tuple(
                      CASE
                        WHEN JSONType(JSONExtractRaw("t9"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                        THEN JSONExtractFloat(JSONExtractRaw("t9"."traits", 'employees'))
                        ELSE NULL
                      END
                    ),
                    "t9"."timestamp",
                    isNotNull(
                      CASE
                        WHEN JSONType(JSONExtractRaw("t9"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                        THEN JSONExtractFloat(JSONExtractRaw("t9"."traits", 'employees'))
                        ELSE NULL
                      END
                    )
                  ).1 AS "employees"
                FROM "t5" AS "t9"
                GROUP BY
                  "t9"."group_id"
              ) AS "t16"
            ) AS "t21"
              ON "t94"."account_id" = "t21"."key"
          ) AS "t97"
          LEFT OUTER JOIN (
            SELECT
              "t15"."group_id" AS "key",
              "t15"."industry" AS "s__industry"
            FROM (
              SELECT
                "t9"."group_id" AS "group_id",
                argMaxIf(
                  tuple(
                    CASE
                      WHEN JSONType(JSONExtractRaw("t9"."traits", 'industry')) = 'String'
                      THEN JSONExtractString(JSONExtractRaw("t9"."traits", 'industry'))
                      ELSE NULL
                    END
                  ),
                  "t9"."timestamp",
                  isNotNull(
                    CASE
                      WHEN JSONType(JSONExtractRaw("t9"."traits", 'industry')) = 'String'
                      THEN JSONExtractString(JSONExtractRaw("t9"."traits", 'industry'))
                      ELSE NULL
                    END
                  )
                ).1 AS "industry"
              FROM "t5" AS "t9"
              GROUP BY
                "t9"."group_id"
            ) AS "t15"
          ) AS "t20"
            ON "t97"."account_id" = "t20"."key"
        ) AS "t100"
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t68"."entity_id" AS "key"
              FROM (
                SELECT
                  "t54"."message_id" AS "message_id",
                  "t54"."type" AS "type",
                  "t54"."event" AS "event",
                  "t54"."name" AS "name",
                  "t54"."user_id" AS "user_id",
                  "t54"."anonymous_id" AS "anonymous_id",
                  "t54"."group_id" AS "group_id",
                  "t54"."previous_id" AS "previous_id",
                  "t54"."timestamp" AS "timestamp",
                  "t54"."original_timestamp" AS "original_timestamp",
                  "t54"."sent_at" AS "sent_at",
                  "t54"."received_at" AS "received_at",
                  "t54"."properties" AS "properties",
                  "t54"."traits" AS "traits",
                  "t54"."context" AS "context",
                  "t54"."source" AS "source",
                  "t54"."loaded_at" AS "loaded_at",
                  "t54"."person_id" AS "person_id",
                  "t66"."account_id" AS "account_id",
                  "t66"."email_domain" AS "email_domain",
                  "t54"."person_id" AS "entity_id"
                FROM "t50" AS "t54"
                LEFT OUTER JOIN (
                  SELECT
                    "t64"."user_id" AS "m_user",
                    "t64"."account_id" AS "account_id",
                    "t64"."email_domain" AS "email_domain"
                  FROM (
                    SELECT
                      "t63"."user_id" AS "user_id",
                      "t63"."email" AS "email",
                      "t63"."email_domain" AS "email_domain",
                      "t63"."first_seen" AS "first_seen",
                      "t63"."last_seen" AS "last_seen",
                      COALESCE(
                        "t63"."group_account",
                        "t41"."domain_account",
                        CASE
                          WHEN isNotNull("t63"."email_domain")
                          AND NOT (
                            "t63"."email_domain" IN (
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
                          THEN CONCAT('domain:', "t63"."email_domain")
                          ELSE NULL
                        END
                      ) AS "account_id",
                      CASE
                        WHEN isNotNull("t63"."group_account")
                        THEN 'group'
                        WHEN isNotNull("t41"."domain_account")
                        THEN 'domain'
                        WHEN isNotNull(
                          CASE
                            WHEN isNotNull("t63"."email_domain")
                            AND NOT (
                              "t63"."email_domain" IN (
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
                            THEN CONCAT('domain:', "t63"."email_domain")
                            ELSE NULL
                          END
                        )
                        THEN 'email'
                        ELSE NULL
                      END AS "account_via"
                    FROM (
                      SELECT
                        "t58"."user_id" AS "user_id",
                        "t58"."first_seen" AS "first_seen",
                        "t58"."last_seen" AS "last_seen",
                        "t57"."group_account" AS "group_account",
                        "t60"."email" AS "email",
                        nullIf(
                          CASE
                            WHEN (
                              position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                            ) >= 0
                            THEN SUBSTRING(
                              LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")),
                              CASE
                                WHEN (
                                  (
                                    position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                  ) + 1 + 1
                                ) >= 1
                                THEN (
                                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                ) + 1 + 1
                                ELSE (
                                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")))
                              END
                            )
                            ELSE NULL
                          END,
                          ''
                        ) AS "email_domain"
                      FROM (
                        SELECT
                          "t53"."person_id" AS "user_id",
                          MIN("t53"."timestamp") AS "first_seen",
                          MAX("t53"."timestamp") AS "last_seen"
                        FROM "t50" AS "t53"
                        GROUP BY
                          "t53"."person_id"
                      ) AS "t58"
                      LEFT OUTER JOIN (
                        SELECT
                          "t51"."person_id" AS "m_user",
                          argMax(tuple("t51"."group_id"), "t51"."timestamp").1 AS "group_account"
                        FROM (
                          SELECT
                            *
                          FROM "t48" AS "t49"
                          WHERE
                            "t49"."is_known" AND isNotNull("t49"."group_id")
                        ) AS "t51"
                        GROUP BY
                          "t51"."person_id"
                      ) AS "t57"
                        ON "t58"."user_id" = "t57"."m_user"
                      LEFT OUTER JOIN (
                        SELECT
                          "t52"."e_user" AS "e_user",
                          argMaxIf(
                            tuple(
                              CASE
                                WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                ELSE NULL
                              END
                            ),
                            "t52"."timestamp",
                            isNotNull(
                              CASE
                                WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                ELSE NULL
                              END
                            )
                          ).1 AS "email"
                        FROM (
                          SELECT
                            "t49"."message_id" AS "message_id",
                            "t49"."type" AS "type",
                            "t49"."event" AS "event",
                            "t49"."name" AS "name",
                            "t49"."user_id" AS "user_id",
                            "t49"."anonymous_id" AS "anonymous_id",
                            "t49"."group_id" AS "group_id",
                            "t49"."previous_id" AS "previous_id",
                            "t49"."timestamp" AS "timestamp",
                            "t49"."original_timestamp" AS "original_timestamp",
                            "t49"."sent_at" AS "sent_at",
                            "t49"."received_at" AS "received_at",
                            "t49"."properties" AS "properties",
                            "t49"."traits" AS "traits",
                            "t49"."context" AS "context",
                            "t49"."source" AS "source",
                            "t49"."loaded_at" AS "loaded_at",
                            "t49"."person_id" AS "person_id",
                            "t49"."is_known" AS "is_known",
                            "t49"."person_id" AS "e_user"
                          FROM "t48" AS "t49"
                          WHERE
                            "t49"."is_known"
                            AND "t49"."type" <> 'group'
                            AND isNotNull("t49"."traits")
                            AND isNotNull("t49"."person_id")
                        ) AS "t52"
                        GROUP BY
                          "t52"."e_user"
                      ) AS "t60"
                        ON "t58"."user_id" = "t60"."e_user"
                    ) AS "t63"
                    LEFT OUTER JOIN (
                      SELECT
                        "t36"."domain" AS "domain",
                        "t36"."group_id" AS "domain_account"
                      FROM (
                        SELECT
                          "t31"."group_id" AS "group_id",
                          "t31"."since" AS "since",
                          "t31"."domain" AS "domain",
                          ROW_NUMBER() OVER (
                            PARTITION BY "t31"."domain"
                            ORDER BY "t31"."since" ASC, "t31"."group_id" ASC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                          ) - 1 AS "rank"
                        FROM (
                          SELECT
                            *
                          FROM (
                            SELECT
                              "t17"."group_id" AS "group_id",
                              "t11"."since" AS "since",
                              nullIf(
                                replaceRegexpAll(
                                  replaceRegexpAll(
                                    replaceRegexpAll(
                                      LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t17"."domain", "t17"."website"))),
                                      '^[a-z]+://',
                                      ''
                                    ),
                                    '^www\\.',
                                    ''
                                  ),
                                  '[/:?#].*$',
                                  ''
                                ),
                                ''
                              ) AS "domain"
                            FROM (
                              SELECT
                                "t6"."group_id" AS "group_id",
                                argMaxIf(
                                  tuple(
                                    CASE
                                      WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                      THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                      ELSE NULL
                                    END
                                  ),
                                  "t6"."timestamp",
                                  isNotNull(
                                    CASE
                                      WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                      THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                      ELSE NULL
                                    END
                                  )
                                ).1 AS "domain",
                                argMaxIf(
                                  tuple(
                                    CASE
                                      WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                      THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                      ELSE NULL
                                    END
                                  ),
                                  "t6"."timestamp",
                                  isNotNull(
                                    CASE
                                      WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                      THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                      ELSE NULL
                                    END
                                  )
                                ).1 AS "website"
                              FROM (
                                SELECT
                                  *
                                FROM "events" AS "t0"
                                WHERE
                                  "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                  AND "t0"."type" = 'group'
                                  AND isNotNull("t0"."group_id")
                                  AND isNotNull("t0"."traits")
                              ) AS "t6"
                              GROUP BY
                                "t6"."group_id"
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
                                  "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                  AND "t0"."type" = 'group'
                                  AND isNotNull("t0"."group_id")
                              ) AS "t2"
                              GROUP BY
                                "t2"."group_id"
                            ) AS "t11"
                              ON "t17"."group_id" = "t11"."fs_group"
                          ) AS "t26"
                          WHERE
                            isNotNull("t26"."domain")
                        ) AS "t31"
                      ) AS "t36"
                      WHERE
                        "t36"."rank" = 0
                    ) AS "t41"
                      ON "t63"."email_domain" = "t41"."domain"
                  ) AS "t64"
                ) AS "t66"
                  ON "t54"."person_id" = "t66"."m_user"
              ) AS "t68"
              WHERE
                "t68"."type" = 'track' AND "t68"."event" IN ('Subscription Started')
            ) AS "t69"
            UNION DISTINCT
            SELECT
              *
            FROM (
              SELECT
                "t72"."entity_id" AS "key"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t54"."message_id" AS "message_id",
                    "t54"."type" AS "type",
                    "t54"."event" AS "event",
                    "t54"."name" AS "name",
                    "t54"."user_id" AS "user_id",
                    "t54"."anonymous_id" AS "anonymous_id",
                    "t54"."group_id" AS "group_id",
                    "t54"."previous_id" AS "previous_id",
                    "t54"."timestamp" AS "timestamp",
                    "t54"."original_timestamp" AS "original_timestamp",
                    "t54"."sent_at" AS "sent_at",
                    "t54"."received_at" AS "received_at",
                    "t54"."properties" AS "properties",
                    "t54"."traits" AS "traits",
                    "t54"."context" AS "context",
                    "t54"."source" AS "source",
                    "t54"."loaded_at" AS "loaded_at",
                    "t54"."person_id" AS "person_id",
                    "t66"."account_id" AS "account_id",
                    "t66"."email_domain" AS "email_domain",
                    "t54"."person_id" AS "entity_id"
                  FROM "t50" AS "t54"
                  LEFT OUTER JOIN (
                    SELECT
                      "t64"."user_id" AS "m_user",
                      "t64"."account_id" AS "account_id",
                      "t64"."email_domain" AS "email_domain"
                    FROM (
                      SELECT
                        "t63"."user_id" AS "user_id",
                        "t63"."email" AS "email",
                        "t63"."email_domain" AS "email_domain",
                        "t63"."first_seen" AS "first_seen",
                        "t63"."last_seen" AS "last_seen",
                        COALESCE(
                          "t63"."group_account",
                          "t41"."domain_account",
                          CASE
                            WHEN isNotNull("t63"."email_domain")
                            AND NOT (
                              "t63"."email_domain" IN (
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
                            THEN CONCAT('domain:', "t63"."email_domain")
                            ELSE NULL
                          END
                        ) AS "account_id",
                        CASE
                          WHEN isNotNull("t63"."group_account")
                          THEN 'group'
                          WHEN isNotNull("t41"."domain_account")
                          THEN 'domain'
                          WHEN isNotNull(
                            CASE
                              WHEN isNotNull("t63"."email_domain")
                              AND NOT (
                                "t63"."email_domain" IN (
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
                              THEN CONCAT('domain:', "t63"."email_domain")
                              ELSE NULL
                            END
                          )
                          THEN 'email'
                          ELSE NULL
                        END AS "account_via"
                      FROM (
                        SELECT
                          "t58"."user_id" AS "user_id",
                          "t58"."first_seen" AS "first_seen",
                          "t58"."last_seen" AS "last_seen",
                          "t57"."group_account" AS "group_account",
                          "t60"."email" AS "email",
                          nullIf(
                            CASE
                              WHEN (
                                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                              ) >= 0
                              THEN SUBSTRING(
                                LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")),
                                CASE
                                  WHEN (
                                    (
                                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                    ) + 1 + 1
                                  ) >= 1
                                  THEN (
                                    position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                  ) + 1 + 1
                                  ELSE (
                                    position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                  ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")))
                                END
                              )
                              ELSE NULL
                            END,
                            ''
                          ) AS "email_domain"
                        FROM (
                          SELECT
                            "t53"."person_id" AS "user_id",
                            MIN("t53"."timestamp") AS "first_seen",
                            MAX("t53"."timestamp") AS "last_seen"
                          FROM "t50" AS "t53"
                          GROUP BY
                            "t53"."person_id"
                        ) AS "t58"
                        LEFT OUTER JOIN (
                          SELECT
                            "t51"."person_id" AS "m_user",
                            argMax(tuple("t51"."group_id"), "t51"."timestamp").1 AS "group_account"
                          FROM (
                            SELECT
                              *
                            FROM "t48" AS "t49"
                            WHERE
                              "t49"."is_known" AND isNotNull("t49"."group_id")
                          ) AS "t51"
                          GROUP BY
                            "t51"."person_id"
                        ) AS "t57"
                          ON "t58"."user_id" = "t57"."m_user"
                        LEFT OUTER JOIN (
                          SELECT
                            "t52"."e_user" AS "e_user",
                            argMaxIf(
                              tuple(
                                CASE
                                  WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                  THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                  ELSE NULL
                                END
                              ),
                              "t52"."timestamp",
                              isNotNull(
                                CASE
                                  WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                  THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                  ELSE NULL
                                END
                              )
                            ).1 AS "email"
                          FROM (
                            SELECT
                              "t49"."message_id" AS "message_id",
                              "t49"."type" AS "type",
                              "t49"."event" AS "event",
                              "t49"."name" AS "name",
                              "t49"."user_id" AS "user_id",
                              "t49"."anonymous_id" AS "anonymous_id",
                              "t49"."group_id" AS "group_id",
                              "t49"."previous_id" AS "previous_id",
                              "t49"."timestamp" AS "timestamp",
                              "t49"."original_timestamp" AS "original_timestamp",
                              "t49"."sent_at" AS "sent_at",
                              "t49"."received_at" AS "received_at",
                              "t49"."properties" AS "properties",
                              "t49"."traits" AS "traits",
                              "t49"."context" AS "context",
                              "t49"."source" AS "source",
                              "t49"."loaded_at" AS "loaded_at",
                              "t49"."person_id" AS "person_id",
                              "t49"."is_known" AS "is_known",
                              "t49"."person_id" AS "e_user"
                            FROM "t48" AS "t49"
                            WHERE
                              "t49"."is_known"
                              AND "t49"."type" <> 'group'
                              AND isNotNull("t49"."traits")
                              AND isNotNull("t49"."person_id")
                          ) AS "t52"
                          GROUP BY
                            "t52"."e_user"
                        ) AS "t60"
                          ON "t58"."user_id" = "t60"."e_user"
                      ) AS "t63"
                      LEFT OUTER JOIN (
                        SELECT
                          "t36"."domain" AS "domain",
                          "t36"."group_id" AS "domain_account"
                        FROM (
                          SELECT
                            "t31"."group_id" AS "group_id",
                            "t31"."since" AS "since",
                            "t31"."domain" AS "domain",
                            ROW_NUMBER() OVER (
                              PARTITION BY "t31"."domain"
                              ORDER BY "t31"."since" ASC, "t31"."group_id" ASC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                            ) - 1 AS "rank"
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                "t17"."group_id" AS "group_id",
                                "t11"."since" AS "since",
                                nullIf(
                                  replaceRegexpAll(
                                    replaceRegexpAll(
                                      replaceRegexpAll(
                                        LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t17"."domain", "t17"."website"))),
                                        '^[a-z]+://',
                                        ''
                                      ),
                                      '^www\\.',
                                      ''
                                    ),
                                    '[/:?#].*$',
                                    ''
                                  ),
                                  ''
                                ) AS "domain"
                              FROM (
                                SELECT
                                  "t6"."group_id" AS "group_id",
                                  argMaxIf(
                                    tuple(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                        ELSE NULL
                                      END
                                    ),
                                    "t6"."timestamp",
                                    isNotNull(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                        ELSE NULL
                                      END
                                    )
                                  ).1 AS "domain",
                                  argMaxIf(
                                    tuple(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                        ELSE NULL
                                      END
                                    ),
                                    "t6"."timestamp",
                                    isNotNull(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                        ELSE NULL
                                      END
                                    )
                                  ).1 AS "website"
                                FROM (
                                  SELECT
                                    *
                                  FROM "events" AS "t0"
                                  WHERE
                                    "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                    AND "t0"."type" = 'group'
                                    AND isNotNull("t0"."group_id")
                                    AND isNotNull("t0"."traits")
                                ) AS "t6"
                                GROUP BY
                                  "t6"."group_id"
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
                                    "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                    AND "t0"."type" = 'group'
                                    AND isNotNull("t0"."group_id")
                                ) AS "t2"
                                GROUP BY
                                  "t2"."group_id"
                              ) AS "t11"
                                ON "t17"."group_id" = "t11"."fs_group"
                            ) AS "t26"
                            WHERE
                              isNotNull("t26"."domain")
                          ) AS "t31"
                        ) AS "t36"
                        WHERE
                          "t36"."rank" = 0
                      ) AS "t41"
                        ON "t63"."email_domain" = "t41"."domain"
                    ) AS "t64"
                  ) AS "t66"
                    ON "t54"."person_id" = "t66"."m_user"
                ) AS "t68"
                WHERE
                  isNotNull("t68"."account_id")
              ) AS "t72"
              INNER JOIN (
                SELECT DISTINCT
                  "t68"."account_id" AS "acc"
                FROM (
                  SELECT
                    "t54"."message_id" AS "message_id",
                    "t54"."type" AS "type",
                    "t54"."event" AS "event",
                    "t54"."name" AS "name",
                    "t54"."user_id" AS "user_id",
                    "t54"."anonymous_id" AS "anonymous_id",
                    "t54"."group_id" AS "group_id",
                    "t54"."previous_id" AS "previous_id",
                    "t54"."timestamp" AS "timestamp",
                    "t54"."original_timestamp" AS "original_timestamp",
                    "t54"."sent_at" AS "sent_at",
                    "t54"."received_at" AS "received_at",
                    "t54"."properties" AS "properties",
                    "t54"."traits" AS "traits",
                    "t54"."context" AS "context",
                    "t54"."source" AS "source",
                    "t54"."loaded_at" AS "loaded_at",
                    "t54"."person_id" AS "person_id",
                    "t66"."account_id" AS "account_id",
                    "t66"."email_domain" AS "email_domain",
                    "t54"."person_id" AS "entity_id"
                  FROM "t50" AS "t54"
                  LEFT OUTER JOIN (
                    SELECT
                      "t64"."user_id" AS "m_user",
                      "t64"."account_id" AS "account_id",
                      "t64"."email_domain" AS "email_domain"
                    FROM (
                      SELECT
                        "t63"."user_id" AS "user_id",
                        "t63"."email" AS "email",
                        "t63"."email_domain" AS "email_domain",
                        "t63"."first_seen" AS "first_seen",
                        "t63"."last_seen" AS "last_seen",
                        COALESCE(
                          "t63"."group_account",
                          "t41"."domain_account",
                          CASE
                            WHEN isNotNull("t63"."email_domain")
                            AND NOT (
                              "t63"."email_domain" IN (
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
                            THEN CONCAT('domain:', "t63"."email_domain")
                            ELSE NULL
                          END
                        ) AS "account_id",
                        CASE
                          WHEN isNotNull("t63"."group_account")
                          THEN 'group'
                          WHEN isNotNull("t41"."domain_account")
                          THEN 'domain'
                          WHEN isNotNull(
                            CASE
                              WHEN isNotNull("t63"."email_domain")
                              AND NOT (
                                "t63"."email_domain" IN (
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
                              THEN CONCAT('domain:', "t63"."email_domain")
                              ELSE NULL
                            END
                          )
                          THEN 'email'
                          ELSE NULL
                        END AS "account_via"
                      FROM (
                        SELECT
                          "t58"."user_id" AS "user_id",
                          "t58"."first_seen" AS "first_seen",
                          "t58"."last_seen" AS "last_seen",
                          "t57"."group_account" AS "group_account",
                          "t60"."email" AS "email",
                          nullIf(
                            CASE
                              WHEN (
                                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                              ) >= 0
                              THEN SUBSTRING(
                                LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")),
                                CASE
                                  WHEN (
                                    (
                                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                    ) + 1 + 1
                                  ) >= 1
                                  THEN (
                                    position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                  ) + 1 + 1
                                  ELSE (
                                    position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")), '@') - 1
                                  ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t60"."email")))
                                END
                              )
                              ELSE NULL
                            END,
                            ''
                          ) AS "email_domain"
                        FROM (
                          SELECT
                            "t53"."person_id" AS "user_id",
                            MIN("t53"."timestamp") AS "first_seen",
                            MAX("t53"."timestamp") AS "last_seen"
                          FROM "t50" AS "t53"
                          GROUP BY
                            "t53"."person_id"
                        ) AS "t58"
                        LEFT OUTER JOIN (
                          SELECT
                            "t51"."person_id" AS "m_user",
                            argMax(tuple("t51"."group_id"), "t51"."timestamp").1 AS "group_account"
                          FROM (
                            SELECT
                              *
                            FROM "t48" AS "t49"
                            WHERE
                              "t49"."is_known" AND isNotNull("t49"."group_id")
                          ) AS "t51"
                          GROUP BY
                            "t51"."person_id"
                        ) AS "t57"
                          ON "t58"."user_id" = "t57"."m_user"
                        LEFT OUTER JOIN (
                          SELECT
                            "t52"."e_user" AS "e_user",
                            argMaxIf(
                              tuple(
                                CASE
                                  WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                  THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                  ELSE NULL
                                END
                              ),
                              "t52"."timestamp",
                              isNotNull(
                                CASE
                                  WHEN JSONType(JSONExtractRaw("t52"."traits", 'email')) = 'String'
                                  THEN JSONExtractString(JSONExtractRaw("t52"."traits", 'email'))
                                  ELSE NULL
                                END
                              )
                            ).1 AS "email"
                          FROM (
                            SELECT
                              "t49"."message_id" AS "message_id",
                              "t49"."type" AS "type",
                              "t49"."event" AS "event",
                              "t49"."name" AS "name",
                              "t49"."user_id" AS "user_id",
                              "t49"."anonymous_id" AS "anonymous_id",
                              "t49"."group_id" AS "group_id",
                              "t49"."previous_id" AS "previous_id",
                              "t49"."timestamp" AS "timestamp",
                              "t49"."original_timestamp" AS "original_timestamp",
                              "t49"."sent_at" AS "sent_at",
                              "t49"."received_at" AS "received_at",
                              "t49"."properties" AS "properties",
                              "t49"."traits" AS "traits",
                              "t49"."context" AS "context",
                              "t49"."source" AS "source",
                              "t49"."loaded_at" AS "loaded_at",
                              "t49"."person_id" AS "person_id",
                              "t49"."is_known" AS "is_known",
                              "t49"."person_id" AS "e_user"
                            FROM "t48" AS "t49"
                            WHERE
                              "t49"."is_known"
                              AND "t49"."type" <> 'group'
                              AND isNotNull("t49"."traits")
                              AND isNotNull("t49"."person_id")
                          ) AS "t52"
                          GROUP BY
                            "t52"."e_user"
                        ) AS "t60"
                          ON "t58"."user_id" = "t60"."e_user"
                      ) AS "t63"
                      LEFT OUTER JOIN (
                        SELECT
                          "t36"."domain" AS "domain",
                          "t36"."group_id" AS "domain_account"
                        FROM (
                          SELECT
                            "t31"."group_id" AS "group_id",
                            "t31"."since" AS "since",
                            "t31"."domain" AS "domain",
                            ROW_NUMBER() OVER (
                              PARTITION BY "t31"."domain"
                              ORDER BY "t31"."since" ASC, "t31"."group_id" ASC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                            ) - 1 AS "rank"
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                "t17"."group_id" AS "group_id",
                                "t11"."since" AS "since",
                                nullIf(
                                  replaceRegexpAll(
                                    replaceRegexpAll(
                                      replaceRegexpAll(
                                        LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t17"."domain", "t17"."website"))),
                                        '^[a-z]+://',
                                        ''
                                      ),
                                      '^www\\.',
                                      ''
                                    ),
                                    '[/:?#].*$',
                                    ''
                                  ),
                                  ''
                                ) AS "domain"
                              FROM (
                                SELECT
                                  "t6"."group_id" AS "group_id",
                                  argMaxIf(
                                    tuple(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                        ELSE NULL
                                      END
                                    ),
                                    "t6"."timestamp",
                                    isNotNull(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'domain')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'domain'))
                                        ELSE NULL
                                      END
                                    )
                                  ).1 AS "domain",
                                  argMaxIf(
                                    tuple(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                        ELSE NULL
                                      END
                                    ),
                                    "t6"."timestamp",
                                    isNotNull(
                                      CASE
                                        WHEN JSONType(JSONExtractRaw("t6"."traits", 'website')) = 'String'
                                        THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'website'))
                                        ELSE NULL
                                      END
                                    )
                                  ).1 AS "website"
                                FROM (
                                  SELECT
                                    *
                                  FROM "events" AS "t0"
                                  WHERE
                                    "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                    AND "t0"."type" = 'group'
                                    AND isNotNull("t0"."group_id")
                                    AND isNotNull("t0"."traits")
                                ) AS "t6"
                                GROUP BY
                                  "t6"."group_id"
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
                                    "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                                    AND "t0"."type" = 'group'
                                    AND isNotNull("t0"."group_id")
                                ) AS "t2"
                                GROUP BY
                                  "t2"."group_id"
                              ) AS "t11"
                                ON "t17"."group_id" = "t11"."fs_group"
                            ) AS "t26"
                            WHERE
                              isNotNull("t26"."domain")
                          ) AS "t31"
                        ) AS "t36"
                        WHERE
                          "t36"."rank" = 0
                      ) AS "t41"
                        ON "t63"."email_domain" = "t41"."domain"
                    ) AS "t64"
                  ) AS "t66"
                    ON "t54"."person_id" = "t66"."m_user"
                ) AS "t68"
                WHERE
                  "t68"."type" = 'track'
                  AND "t68"."event" IN ('Subscription Started')
                  AND isNotNull("t68"."account_id")
              ) AS "t73"
                ON "t72"."account_id" = "t73"."acc"
            ) AS "t75"
          ) AS "t77"
        ) AS "t81"
          ON "t100"."entity_id" = "t81"."key"
      ) AS "t102"
      WHERE
        NOT (
          "t102"."paying"
        )
    ) AS "t104"
  ) AS "t106"
) AS "t108";
