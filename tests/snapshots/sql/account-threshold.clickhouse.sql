WITH "t18" AS (
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
      "t11"."from_id" AS "from_id",
      "t11"."to_id" AS "to_id",
      MIN("t11"."at") AS "linked_at"
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
    ) AS "t11"
    GROUP BY
      "t11"."from_id",
      "t11"."to_id"
  ) AS "t14"
), "t21" AS (
  SELECT
    "t19"."from_id" AS "from_id",
    "t19"."to_id" AS "to_id",
    "t19"."linked_at" AS "linked_at"
  FROM "t18" AS "t19"
  WHERE
    "t19"."rank" = 0
), "t44" AS (
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
    COALESCE(COALESCE("t42"."u_person", "t7"."user_id"), "t43"."a_person", "t7"."anonymous_id") AS "person_id",
    isNotNull("t7"."user_id") OR isNotNull("t43"."a_person") AS "is_known"
  FROM (
    SELECT
      *
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t39"."from_id" AS "u_from",
      "t39"."person_id" AS "u_person"
    FROM (
      SELECT
        "t35"."from_id" AS "from_id",
        COALESCE("t30"."next_to", "t35"."person_id") AS "person_id"
      FROM (
        SELECT
          "t23"."from_id" AS "from_id",
          COALESCE("t31"."next_to", "t23"."person_id") AS "person_id"
        FROM (
          SELECT
            "t19"."from_id" AS "from_id",
            "t19"."to_id" AS "person_id"
          FROM "t18" AS "t19"
          WHERE
            "t19"."rank" = 0
        ) AS "t23"
        LEFT OUTER JOIN (
          SELECT
            "t26"."from_id" AS "next_from",
            "t26"."to_id" AS "next_to"
          FROM "t21" AS "t26"
        ) AS "t31"
          ON "t23"."person_id" = "t31"."next_from"
      ) AS "t35"
      LEFT OUTER JOIN (
        SELECT
          "t25"."from_id" AS "next_from",
          "t25"."to_id" AS "next_to"
        FROM "t21" AS "t25"
      ) AS "t30"
        ON "t35"."person_id" = "t30"."next_from"
    ) AS "t39"
  ) AS "t42"
    ON "t7"."user_id" = "t42"."u_from"
  LEFT OUTER JOIN (
    SELECT
      "t39"."from_id" AS "a_from",
      "t39"."person_id" AS "a_person"
    FROM (
      SELECT
        "t35"."from_id" AS "from_id",
        COALESCE("t30"."next_to", "t35"."person_id") AS "person_id"
      FROM (
        SELECT
          "t23"."from_id" AS "from_id",
          COALESCE("t31"."next_to", "t23"."person_id") AS "person_id"
        FROM (
          SELECT
            "t19"."from_id" AS "from_id",
            "t19"."to_id" AS "person_id"
          FROM "t18" AS "t19"
          WHERE
            "t19"."rank" = 0
        ) AS "t23"
        LEFT OUTER JOIN (
          SELECT
            "t26"."from_id" AS "next_from",
            "t26"."to_id" AS "next_to"
          FROM "t21" AS "t26"
        ) AS "t31"
          ON "t23"."person_id" = "t31"."next_from"
      ) AS "t35"
      LEFT OUTER JOIN (
        SELECT
          "t25"."from_id" AS "next_from",
          "t25"."to_id" AS "next_to"
        FROM "t21" AS "t25"
      ) AS "t30"
        ON "t35"."person_id" = "t30"."next_from"
    ) AS "t39"
  ) AS "t43"
    ON "t7"."anonymous_id" = "t43"."a_from"
), "t46" AS (
  SELECT
    *
  FROM "t44" AS "t45"
  WHERE
    "t45"."is_known"
), "t65" AS (
  SELECT
    *
  FROM (
    SELECT
      "t50"."message_id" AS "message_id",
      "t50"."type" AS "type",
      "t50"."event" AS "event",
      "t50"."name" AS "name",
      "t50"."user_id" AS "user_id",
      "t50"."anonymous_id" AS "anonymous_id",
      "t50"."group_id" AS "group_id",
      "t50"."previous_id" AS "previous_id",
      "t50"."timestamp" AS "timestamp",
      "t50"."original_timestamp" AS "original_timestamp",
      "t50"."sent_at" AS "sent_at",
      "t50"."received_at" AS "received_at",
      "t50"."properties" AS "properties",
      "t50"."traits" AS "traits",
      "t50"."context" AS "context",
      "t50"."source" AS "source",
      "t50"."loaded_at" AS "loaded_at",
      "t50"."person_id" AS "person_id",
      "t62"."account_id" AS "account_id",
      "t62"."email_domain" AS "email_domain",
      "t62"."account_id" AS "entity_id"
    FROM "t46" AS "t50"
    LEFT OUTER JOIN (
      SELECT
        "t60"."user_id" AS "m_user",
        "t60"."account_id" AS "account_id",
        "t60"."email_domain" AS "email_domain"
      FROM (
        SELECT
          "t59"."user_id" AS "user_id",
          "t59"."email" AS "email",
          "t59"."email_domain" AS "email_domain",
          "t59"."first_seen" AS "first_seen",
          "t59"."last_seen" AS "last_seen",
          COALESCE(
            "t59"."group_account",
            "t37"."domain_account",
            CASE
              WHEN isNotNull("t59"."email_domain")
              AND NOT (
                "t59"."email_domain" IN (
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
              THEN CONCAT('domain:', "t59"."email_domain")
              ELSE NULL
            END
          ) AS "account_id",
          CASE
            WHEN isNotNull("t59"."group_account")
            THEN 'group'
            WHEN isNotNull("t37"."domain_account")
            THEN 'domain'
            WHEN isNotNull(
              CASE
                WHEN isNotNull("t59"."email_domain")
                AND NOT (
                  "t59"."email_domain" IN (
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
                THEN CONCAT('domain:', "t59"."email_domain")
                ELSE NULL
              END
            )
            THEN 'email'
            ELSE NULL
          END AS "account_via"
        FROM (
          SELECT
            "t54"."user_id" AS "user_id",
            "t54"."first_seen" AS "first_seen",
            "t54"."last_seen" AS "last_seen",
            "t53"."group_account" AS "group_account",
            "t56"."email" AS "email",
            nullIf(
              CASE
                WHEN (
                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                ) >= 0
                THEN SUBSTRING(
                  LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")),
                  CASE
                    WHEN (
                      (
                        position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                      ) + 1 + 1
                    ) >= 1
                    THEN (
                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                    ) + 1 + 1
                    ELSE (
                      position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                    ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")))
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
            FROM "t46" AS "t49"
            GROUP BY
              "t49"."person_id"
          ) AS "t54"
          LEFT OUTER JOIN (
            SELECT
              "t47"."person_id" AS "m_user",
              argMax(tuple("t47"."group_id"), "t47"."timestamp").1 AS "group_account"
            FROM (
              SELECT
                *
              FROM "t44" AS "t45"
              WHERE
                "t45"."is_known" AND isNotNull("t45"."group_id")
            ) AS "t47"
            GROUP BY
              "t47"."person_id"
          ) AS "t53"
            ON "t54"."user_id" = "t53"."m_user"
          LEFT OUTER JOIN (
            SELECT
              "t48"."e_user" AS "e_user",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t48"."traits", 'email')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t48"."traits", 'email'))
                    ELSE NULL
                  END
                ),
                "t48"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t48"."traits", 'email')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t48"."traits", 'email'))
                    ELSE NULL
                  END
                )
              ).1 AS "email"
            FROM (
              SELECT
                "t45"."message_id" AS "message_id",
                "t45"."type" AS "type",
                "t45"."event" AS "event",
                "t45"."name" AS "name",
                "t45"."user_id" AS "user_id",
                "t45"."anonymous_id" AS "anonymous_id",
                "t45"."group_id" AS "group_id",
                "t45"."previous_id" AS "previous_id",
                "t45"."timestamp" AS "timestamp",
                "t45"."original_timestamp" AS "original_timestamp",
                "t45"."sent_at" AS "sent_at",
                "t45"."received_at" AS "received_at",
                "t45"."properties" AS "properties",
                "t45"."traits" AS "traits",
                "t45"."context" AS "context",
                "t45"."source" AS "source",
                "t45"."loaded_at" AS "loaded_at",
                "t45"."person_id" AS "person_id",
                "t45"."is_known" AS "is_known",
                "t45"."person_id" AS "e_user"
              FROM "t44" AS "t45"
              WHERE
                "t45"."is_known"
                AND "t45"."type" <> 'group'
                AND isNotNull("t45"."traits")
                AND isNotNull("t45"."person_id")
            ) AS "t48"
            GROUP BY
              "t48"."e_user"
          ) AS "t56"
            ON "t54"."user_id" = "t56"."e_user"
        ) AS "t59"
        LEFT OUTER JOIN (
          SELECT
            "t32"."domain" AS "domain",
            "t32"."group_id" AS "domain_account"
          FROM (
            SELECT
              "t27"."group_id" AS "group_id",
              "t27"."since" AS "since",
              "t27"."domain" AS "domain",
              ROW_NUMBER() OVER (
                PARTITION BY "t27"."domain"
                ORDER BY "t27"."since" ASC, "t27"."group_id" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "rank"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t15"."group_id" AS "group_id",
                  "t10"."since" AS "since",
                  nullIf(
                    replaceRegexpAll(
                      replaceRegexpAll(
                        replaceRegexpAll(
                          LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t15"."domain", "t15"."website"))),
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
                ) AS "t15"
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
                ) AS "t10"
                  ON "t15"."group_id" = "t10"."fs_group"
              ) AS "t22"
              WHERE
                isNotNull("t22"."domain")
            ) AS "t27"
          ) AS "t32"
          WHERE
            "t32"."rank" = 0
        ) AS "t37"
          ON "t59"."email_domain" = "t37"."domain"
      ) AS "t60"
    ) AS "t62"
      ON "t50"."person_id" = "t62"."m_user"
  ) AS "t64"
  WHERE
    isNotNull("t64"."entity_id")
)
SELECT
  "t86"."entity_id" AS "entity_id",
  "t86"."account_id" AS "account_id",
  "t86"."first_seen" AS "first_seen",
  "t86"."last_seen" AS "last_seen",
  "t86"."s__users" AS "s__users",
  "t86"."s__core_workflows_7d" AS "s__core_workflows_7d",
  "t86"."s__employees" AS "s__employees",
  "t86"."paying" AS "paying",
  "t86"."q__all__0" AS "q__all__0",
  "t86"."q__all__1" AS "q__all__1",
  "t86"."q__all__2" AS "q__all__2",
  "t86"."score" AS "score",
  "t86"."tier" AS "tier",
  'account' AS "entity_type",
  parseDateTimeBestEffort('2026-04-01T00:00:00') AS "as_of"
FROM (
  SELECT
    "t85".*
    EXCEPT ("qualifies")
  FROM (
    SELECT
      "t84"."entity_id" AS "entity_id",
      "t84"."account_id" AS "account_id",
      "t84"."first_seen" AS "first_seen",
      "t84"."last_seen" AS "last_seen",
      "t84"."s__users" AS "s__users",
      "t84"."s__core_workflows_7d" AS "s__core_workflows_7d",
      "t84"."s__employees" AS "s__employees",
      "t84"."paying" AS "paying",
      "t84"."q__all__0" AS "q__all__0",
      "t84"."q__all__1" AS "q__all__1",
      "t84"."q__all__2" AS "q__all__2",
      "t84"."score" AS "score",
      "t84"."qualifies" AS "qualifies",
      CASE WHEN "t84"."qualifies" THEN 'pql' ELSE 'not qualified' END AS "tier"
    FROM (
      SELECT
        "t82"."entity_id" AS "entity_id",
        "t82"."account_id" AS "account_id",
        "t82"."first_seen" AS "first_seen",
        "t82"."last_seen" AS "last_seen",
        "t82"."s__users" AS "s__users",
        "t82"."s__core_workflows_7d" AS "s__core_workflows_7d",
        "t82"."s__employees" AS "s__employees",
        "t82"."paying" AS "paying",
        "t82"."q__all__0" AS "q__all__0",
        "t82"."q__all__1" AS "q__all__1",
        "t82"."q__all__2" AS "q__all__2",
        CAST(0 + CASE WHEN "t82"."q__all__0" THEN 1 ELSE 0 END + CASE WHEN "t82"."q__all__1" THEN 1 ELSE 0 END + CASE WHEN "t82"."q__all__2" THEN 1 ELSE 0 END AS Nullable(Float64)) AS "score",
        "t82"."q__all__0" AND "t82"."q__all__1" AND "t82"."q__all__2" AS "qualifies"
      FROM (
        SELECT
          "t80"."entity_id" AS "entity_id",
          "t80"."account_id" AS "account_id",
          "t80"."first_seen" AS "first_seen",
          "t80"."last_seen" AS "last_seen",
          "t80"."s__users" AS "s__users",
          "t80"."s__core_workflows_7d" AS "s__core_workflows_7d",
          "t80"."s__employees" AS "s__employees",
          "t80"."paying" AS "paying",
          COALESCE("t80"."s__users" >= 5.0, FALSE) AS "q__all__0",
          COALESCE("t80"."s__core_workflows_7d" >= 10.0, FALSE) AS "q__all__1",
          COALESCE("t80"."s__employees" >= 51.0, FALSE) AS "q__all__2"
        FROM (
          SELECT
            "t78"."entity_id" AS "entity_id",
            "t78"."account_id" AS "account_id",
            "t78"."first_seen" AS "first_seen",
            "t78"."last_seen" AS "last_seen",
            "t78"."s__users" AS "s__users",
            "t78"."s__core_workflows_7d" AS "s__core_workflows_7d",
            "t78"."s__employees" AS "s__employees",
            isNotNull("t68"."key") AS "paying"
          FROM (
            SELECT
              "t75"."entity_id" AS "entity_id",
              "t75"."account_id" AS "account_id",
              "t75"."first_seen" AS "first_seen",
              "t75"."last_seen" AS "last_seen",
              "t75"."s__users" AS "s__users",
              "t75"."s__core_workflows_7d" AS "s__core_workflows_7d",
              "t17"."s__employees" AS "s__employees"
            FROM (
              SELECT
                "t70"."entity_id" AS "entity_id",
                "t70"."account_id" AS "account_id",
                "t70"."first_seen" AS "first_seen",
                "t70"."last_seen" AS "last_seen",
                COALESCE("t72"."s__users", 0) AS "s__users",
                COALESCE("t72"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
              FROM (
                SELECT
                  "t67"."entity_id" AS "entity_id",
                  MAX("t67"."account_id") AS "account_id",
                  MIN("t67"."timestamp") AS "first_seen",
                  MAX("t67"."timestamp") AS "last_seen"
                FROM "t65" AS "t67"
                GROUP BY
                  "t67"."entity_id"
              ) AS "t70"
              LEFT OUTER JOIN (
                SELECT
                  "t67"."entity_id" AS "key",
                  uniqIf("t67"."person_id", TRUE AND TRUE) AS "s__users",
                  countIf(
                    (
                      "t67"."type" = 'track'
                    )
                    AND "t67"."event" IN ('Report Created')
                    AND (
                      "t67"."timestamp" >= parseDateTimeBestEffort('2026-03-25T00:00:00')
                    )
                  ) AS "s__core_workflows_7d"
                FROM "t65" AS "t67"
                GROUP BY
                  "t67"."entity_id"
              ) AS "t72"
                ON "t70"."entity_id" = "t72"."key"
            ) AS "t75"
            LEFT OUTER JOIN (
              SELECT
                "t12"."group_id" AS "key",
                "t12"."employees" AS "s__employees"
              FROM (
                SELECT
                  "t5"."group_id" AS "group_id",
                  argMaxIf(
                    tuple(
                      CASE
                        WHEN JSONType(JSONExtractRaw("t5"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                        THEN JSONExtractFloat(JSONExtractRaw("t5"."traits", 'employees'))
                        ELSE NULL
                      END
                    ),
                    "t5"."timestamp",
                    isNotNull(
                      CASE
                        WHEN JSONType(JSONExtractRaw("t5"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                        THEN JSONExtractFloat(JSONExtractRaw("t5"."traits", 'employees'))
                        ELSE NULL
                      END
                    )
                  ).1 AS "employees"
                FROM (
                  SELECT
                    *
                  FROM "events" AS "t0"
                  WHERE
                    "t0"."type" = 'group'
                    AND "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                    AND isNotNull("t0"."traits")
                    AND isNotNull("t0"."group_id")
                ) AS "t5"
                GROUP BY
                  "t5"."group_id"
              ) AS "t12"
            ) AS "t17"
              ON "t75"."entity_id" = "t17"."key"
          ) AS "t78"
          LEFT OUTER JOIN (
            SELECT DISTINCT
              "t64"."entity_id" AS "key"
            FROM (
              SELECT
                "t50"."message_id" AS "message_id",
                "t50"."type" AS "type",
                "t50"."event" AS "event",
                "t50"."name" AS "name",
                "t50"."user_id" AS "user_id",
                "t50"."anonymous_id" AS "anonymous_id",
                "t50"."group_id" AS "group_id",
                "t50"."previous_id" AS "previous_id",
                "t50"."timestamp" AS "timestamp",
                "t50"."original_timestamp" AS "original_timestamp",
                "t50"."sent_at" AS "sent_at",
                "t50"."received_at" AS "received_at",
                "t50"."properties" AS "properties",
                "t50"."traits" AS "traits",
                "t50"."context" AS "context",
                "t50"."source" AS "source",
                "t50"."loaded_at" AS "loaded_at",
                "t50"."person_id" AS "person_id",
                "t62"."account_id" AS "account_id",
                "t62"."email_domain" AS "email_domain",
                "t62"."account_id" AS "entity_id"
              FROM "t46" AS "t50"
              LEFT OUTER JOIN (
                SELECT
                  "t60"."user_id" AS "m_user",
                  "t60"."account_id" AS "account_id",
                  "t60"."email_domain" AS "email_domain"
                FROM (
                  SELECT
                    "t59"."user_id" AS "user_id",
                    "t59"."email" AS "email",
                    "t59"."email_domain" AS "email_domain",
                    "t59"."first_seen" AS "first_seen",
                    "t59"."last_seen" AS "last_seen",
                    COALESCE(
                      "t59"."group_account",
                      "t37"."domain_account",
                      CASE
                        WHEN isNotNull("t59"."email_domain")
                        AND NOT (
                          "t59"."email_domain" IN (
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
                        THEN CONCAT('domain:', "t59"."email_domain")
                        ELSE NULL
                      END
                    ) AS "account_id",
                    CASE
                      WHEN isNotNull("t59"."group_account")
                      THEN 'group'
                      WHEN isNotNull("t37"."domain_account")
                      THEN 'domain'
                      WHEN isNotNull(
                        CASE
                          WHEN isNotNull("t59"."email_domain")
                          AND NOT (
                            "t59"."email_domain" IN (
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
                          THEN CONCAT('domain:', "t59"."email_domain")
                          ELSE NULL
                        END
                      )
                      THEN 'email'
                      ELSE NULL
                    END AS "account_via"
                  FROM (
                    SELECT
                      "t54"."user_id" AS "user_id",
                      "t54"."first_seen" AS "first_seen",
                      "t54"."last_seen" AS "last_seen",
                      "t53"."group_account" AS "group_account",
                      "t56"."email" AS "email",
                      nullIf(
                        CASE
                          WHEN (
                            position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                          ) >= 0
                          THEN SUBSTRING(
                            LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")),
                            CASE
                              WHEN (
                                (
                                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                                ) + 1 + 1
                              ) >= 1
                              THEN (
                                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                              ) + 1 + 1
                              ELSE (
                                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")), '@') - 1
                              ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t56"."email")))
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
                      FROM "t46" AS "t49"
                      GROUP BY
                        "t49"."person_id"
                    ) AS "t54"
                    LEFT OUTER JOIN (
                      SELECT
                        "t47"."person_id" AS "m_user",
                        argMax(tuple("t47"."group_id"), "t47"."timestamp").1 AS "group_account"
                      FROM (
                        SELECT
                          *
                        FROM "t44" AS "t45"
                        WHERE
                          "t45"."is_known" AND isNotNull("t45"."group_id")
                      ) AS "t47"
                      GROUP BY
                        "t47"."person_id"
                    ) AS "t53"
                      ON "t54"."user_id" = "t53"."m_user"
                    LEFT OUTER JOIN (
                      SELECT
                        "t48"."e_user" AS "e_user",
                        argMaxIf(
                          tuple(
                            CASE
                              WHEN JSONType(JSONExtractRaw("t48"."traits", 'email')) = 'String'
                              THEN JSONExtractString(JSONExtractRaw("t48"."traits", 'email'))
                              ELSE NULL
                            END
                          ),
                          "t48"."timestamp",
                          isNotNull(
                            CASE
                              WHEN JSONType(JSONExtractRaw("t48"."traits", 'email')) = 'String'
                              THEN JSONExtractString(JSONExtractRaw("t48"."traits", 'email'))
                              ELSE NULL
                            END
                          )
                        ).1 AS "email"
                      FROM (
                        SELECT
                          "t45"."message_id" AS "message_id",
                          "t45"."type" AS "type",
                          "t45"."event" AS "event",
                          "t45"."name" AS "name",
                          "t45"."user_id" AS "user_id",
                          "t45"."anonymous_id" AS "anonymous_id",
                          "t45"."group_id" AS "group_id",
                          "t45"."previous_id" AS "previous_id",
                          "t45"."timestamp" AS "timestamp",
                          "t45"."original_timestamp" AS "original_timestamp",
                          "t45"."sent_at" AS "sent_at",
                          "t45"."received_at" AS "received_at",
                          "t45"."properties" AS "properties",
                          "t45"."traits" AS "traits",
                          "t45"."context" AS "context",
                          "t45"."source" AS "source",
                          "t45"."loaded_at" AS "loaded_at",
                          "t45"."person_id" AS "person_id",
                          "t45"."is_known" AS "is_known",
                          "t45"."person_id" AS "e_user"
                        FROM "t44" AS "t45"
                        WHERE
                          "t45"."is_known"
                          AND "t45"."type" <> 'group'
                          AND isNotNull("t45"."traits")
                          AND isNotNull("t45"."person_id")
                      ) AS "t48"
                      GROUP BY
                        "t48"."e_user"
                    ) AS "t56"
                      ON "t54"."user_id" = "t56"."e_user"
                  ) AS "t59"
                  LEFT OUTER JOIN (
                    SELECT
                      "t32"."domain" AS "domain",
                      "t32"."group_id" AS "domain_account"
                    FROM (
                      SELECT
                        "t27"."group_id" AS "group_id",
                        "t27"."since" AS "since",
                        "t27"."domain" AS "domain",
                        ROW_NUMBER() OVER (
                          PARTITION BY "t27"."domain"
                          ORDER BY "t27"."since" ASC, "t27"."group_id" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) - 1 AS "rank"
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t15"."group_id" AS "group_id",
                            "t10"."since" AS "since",
                            nullIf(
                              replaceRegexpAll(
                                replaceRegexpAll(
                                  replaceRegexpAll(
                                    LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t15"."domain", "t15"."website"))),
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
                          ) AS "t15"
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
                          ) AS "t10"
                            ON "t15"."group_id" = "t10"."fs_group"
                        ) AS "t22"
                        WHERE
                          isNotNull("t22"."domain")
                      ) AS "t27"
                    ) AS "t32"
                    WHERE
                      "t32"."rank" = 0
                  ) AS "t37"
                    ON "t59"."email_domain" = "t37"."domain"
                ) AS "t60"
              ) AS "t62"
                ON "t50"."person_id" = "t62"."m_user"
            ) AS "t64"
            WHERE
              isNotNull("t64"."entity_id")
              AND "t64"."type" = 'track'
              AND "t64"."event" IN ('Subscription Started')
          ) AS "t68"
            ON "t78"."entity_id" = "t68"."key"
        ) AS "t80"
        WHERE
          NOT (
            "t80"."paying"
          )
      ) AS "t82"
    ) AS "t84"
  ) AS "t85"
) AS "t86";
