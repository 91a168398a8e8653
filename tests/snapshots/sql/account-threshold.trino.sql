WITH "t15" AS (
  SELECT
    "t13"."from_id",
    "t13"."to_id",
    "t13"."linked_at",
    ROW_NUMBER() OVER (PARTITION BY "t13"."from_id" ORDER BY "t13"."linked_at" ASC, "t13"."to_id" ASC) - 1 AS "rank"
  FROM (
    SELECT
      "t9"."from_id",
      "t9"."to_id",
      MIN("t9"."at") AS "linked_at"
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
            "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
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
            "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t3"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t9"
    GROUP BY
      1,
      2
  ) AS "t13"
), "t19" AS (
  SELECT
    "t16"."from_id",
    "t16"."to_id",
    "t16"."linked_at"
  FROM "t15" AS "t16"
  WHERE
    "t16"."rank" = 0
), "t39" AS (
  SELECT
    "t7"."type",
    "t7"."timestamp",
    "t7"."user_id",
    "t7"."anonymous_id",
    "t7"."group_id",
    "t7"."traits",
    COALESCE("t37"."s_person", "t7"."_sender") AS "person_id",
    (
      "t7"."user_id" IS NOT NULL
    ) OR (
      "t37"."s_person" IS NOT NULL
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
      "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t35"."from_id" AS "s_from",
      "t35"."person_id" AS "s_person"
    FROM (
      SELECT
        "t33"."from_id",
        COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
      FROM (
        SELECT
          "t20"."from_id",
          COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
        FROM (
          SELECT
            "t16"."from_id",
            "t16"."to_id" AS "person_id"
          FROM "t15" AS "t16"
          WHERE
            "t16"."rank" = 0
        ) AS "t20"
        LEFT OUTER JOIN (
          SELECT
            "t23"."from_id" AS "next_from",
            "t23"."to_id" AS "next_to"
          FROM "t19" AS "t23"
        ) AS "t28"
          ON "t20"."person_id" = "t28"."next_from"
      ) AS "t33"
      LEFT OUTER JOIN (
        SELECT
          "t22"."from_id" AS "next_from",
          "t22"."to_id" AS "next_to"
        FROM "t19" AS "t22"
      ) AS "t27"
        ON "t33"."person_id" = "t27"."next_from"
    ) AS "t35"
  ) AS "t37"
    ON "t7"."_sender" = "t37"."s_from"
), "t54" AS (
  SELECT
    "t53"."user_id",
    "t53"."email",
    "t53"."email_domain",
    "t53"."first_seen",
    "t53"."last_seen",
    COALESCE(
      "t53"."group_account",
      "t30"."domain_account",
      IF(
        (
          "t53"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t53"."email_domain" IN (
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
        ),
        CONCAT('domain:', "t53"."email_domain"),
        NULL
      )
    ) AS "account_id",
    CASE
      WHEN "t53"."group_account" IS NOT NULL
      THEN 'group'
      WHEN "t30"."domain_account" IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          "t53"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t53"."email_domain" IN (
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
        ),
        CONCAT('domain:', "t53"."email_domain"),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t50"."user_id",
      "t50"."first_seen",
      "t50"."last_seen",
      "t50"."group_account",
      "t50"."email",
      NULLIF(
        IF(
          (
            STRPOS(LOWER(TRIM(' 	
' FROM "t50"."email")), '@') - 1
          ) >= 0,
          SUBSTR(
            LOWER(TRIM(' 	
' FROM "t50"."email")),
            IF(
              (
                (
                  STRPOS(LOWER(TRIM(' 	
' FROM "t50"."email")), '@') - 1
                ) + 1 + 1
              ) >= 1,
              (
                STRPOS(LOWER(TRIM(' 	
' FROM "t50"."email")), '@') - 1
              ) + 1 + 1,
              (
                STRPOS(LOWER(TRIM(' 	
' FROM "t50"."email")), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t50"."email")))
            )
          ),
          NULL
        ),
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        "t46"."user_id",
        "t46"."first_seen",
        "t46"."last_seen",
        "t46"."group_account",
        "t48"."email"
      FROM (
        SELECT
          "t43"."person_id" AS "user_id",
          MIN("t43"."timestamp") AS "first_seen",
          MAX("t43"."timestamp") AS "last_seen",
          MAX_BY("t43"."group_id", "t43"."timestamp") FILTER(WHERE
            "t43"."group_id" IS NOT NULL) AS "group_account"
        FROM (
          SELECT
            *
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
        ) AS "t43"
        GROUP BY
          1
      ) AS "t46"
      LEFT OUTER JOIN (
        SELECT
          "t44"."e_user",
          MAX_BY(
            JSON_VALUE(
              JSON_FORMAT(JSON_EXTRACT("t44"."traits", FORMAT('$["%s"]', 'email'))),
              'strict $?($.type() == "string")'
            ),
            "t44"."timestamp"
          ) FILTER(WHERE
            JSON_VALUE(
              JSON_FORMAT(JSON_EXTRACT("t44"."traits", FORMAT('$["%s"]', 'email'))),
              'strict $?($.type() == "string")'
            ) IS NOT NULL) AS "email"
        FROM (
          SELECT
            "t40"."type",
            "t40"."timestamp",
            "t40"."user_id",
            "t40"."anonymous_id",
            "t40"."group_id",
            "t40"."traits",
            "t40"."person_id",
            "t40"."is_known",
            "t40"."person_id" AS "e_user"
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
            AND "t40"."type" <> 'group'
            AND "t40"."traits" IS NOT NULL
            AND "t40"."person_id" IS NOT NULL
        ) AS "t44"
        GROUP BY
          1
      ) AS "t48"
        ON "t46"."user_id" = "t48"."e_user"
    ) AS "t50"
  ) AS "t53"
  LEFT OUTER JOIN (
    SELECT
      "t24"."domain",
      "t24"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t17"."group_id",
        "t17"."since",
        "t17"."domain",
        ROW_NUMBER() OVER (PARTITION BY "t17"."domain" ORDER BY "t17"."since" ASC, "t17"."group_id" ASC) - 1 AS "rank"
      FROM (
        SELECT
          "t14"."group_id",
          "t14"."since",
          IF("t14"."domain_at" IS NOT NULL, "t14"."domain", "t14"."website") AS "domain"
        FROM (
          SELECT
            "t12"."group_id",
            MIN("t12"."timestamp") AS "since",
            MAX("t12"."timestamp") FILTER(WHERE
              "t12"."has_domain") AS "domain_at",
            MAX_BY("t12"."domain", "t12"."timestamp") FILTER(WHERE
              "t12"."has_domain") AS "domain",
            MAX_BY("t12"."website", "t12"."timestamp") FILTER(WHERE
              "t12"."has_website") AS "website"
          FROM (
            SELECT
              "t0"."group_id",
              "t0"."timestamp",
              JSON_VALUE(
                JSON_FORMAT(JSON_EXTRACT("t0"."traits", FORMAT('$["%s"]', 'domain'))),
                'strict $?($.type() == "string")'
              ) IS NOT NULL AS "has_domain",
              JSON_VALUE(
                JSON_FORMAT(JSON_EXTRACT("t0"."traits", FORMAT('$["%s"]', 'website'))),
                'strict $?($.type() == "string")'
              ) IS NOT NULL AS "has_website",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(
                      LOWER(
                        TRIM(' 	
' FROM JSON_VALUE(
                          JSON_FORMAT(JSON_EXTRACT("t0"."traits", FORMAT('$["%s"]', 'domain'))),
                          'strict $?($.type() == "string")'
                        ))
                      ),
                      '^[a-z]+://',
                      ''
                    ),
                    '^www\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS "domain",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(
                      LOWER(
                        TRIM(' 	
' FROM JSON_VALUE(
                          JSON_FORMAT(JSON_EXTRACT("t0"."traits", FORMAT('$["%s"]', 'website'))),
                          'strict $?($.type() == "string")'
                        ))
                      ),
                      '^[a-z]+://',
                      ''
                    ),
                    '^www\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS "website"
            FROM "events" AS "t0"
            WHERE
              "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
              AND "t0"."type" = 'group'
              AND "t0"."group_id" IS NOT NULL
          ) AS "t12"
          GROUP BY
            1
        ) AS "t14"
        WHERE
          IF("t14"."domain_at" IS NOT NULL, "t14"."domain", "t14"."website") IS NOT NULL
      ) AS "t17"
    ) AS "t24"
    WHERE
      "t24"."rank" = 0
  ) AS "t30"
    ON "t53"."email_domain" = "t30"."domain"
)
SELECT
  "t81"."entity_id",
  "t81"."account_id",
  "t81"."first_seen",
  "t81"."last_seen",
  "t81"."s__users",
  "t81"."s__core_workflows_7d",
  "t81"."s__employees",
  "t81"."paying",
  "t81"."q__all__0",
  "t81"."q__all__1",
  "t81"."q__all__2",
  "t81"."score",
  "t81"."tier",
  'account' AS "entity_type",
  CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP) AS "as_of"
FROM (
  SELECT
    "t80"."entity_id",
    "t80"."account_id",
    "t80"."first_seen",
    "t80"."last_seen",
    "t80"."s__users",
    "t80"."s__core_workflows_7d",
    "t80"."s__employees",
    "t80"."paying",
    "t80"."q__all__0",
    "t80"."q__all__1",
    "t80"."q__all__2",
    "t80"."score",
    "t80"."tier"
  FROM (
    SELECT
      "t79"."entity_id",
      "t79"."account_id",
      "t79"."first_seen",
      "t79"."last_seen",
      "t79"."s__users",
      "t79"."s__core_workflows_7d",
      "t79"."s__employees",
      "t79"."paying",
      "t79"."q__all__0",
      "t79"."q__all__1",
      "t79"."q__all__2",
      "t79"."score",
      "t79"."qualifies",
      IF("t79"."qualifies", 'pql', 'not qualified') AS "tier"
    FROM (
      SELECT
        "t77"."entity_id",
        "t77"."account_id",
        "t77"."first_seen",
        "t77"."last_seen",
        "t77"."s__users",
        "t77"."s__core_workflows_7d",
        "t77"."s__employees",
        "t77"."paying",
        "t77"."q__all__0",
        "t77"."q__all__1",
        "t77"."q__all__2",
        CAST(0 + IF("t77"."q__all__0", 1, 0) + IF("t77"."q__all__1", 1, 0) + IF("t77"."q__all__2", 1, 0) AS DOUBLE) AS "score",
        "t77"."q__all__0" AND "t77"."q__all__1" AND "t77"."q__all__2" AS "qualifies"
      FROM (
        SELECT
          "t75"."entity_id",
          "t75"."account_id",
          "t75"."first_seen",
          "t75"."last_seen",
          "t75"."s__users",
          "t75"."s__core_workflows_7d",
          "t75"."s__employees",
          "t75"."paying",
          COALESCE("t75"."s__users" >= CAST(5.0 AS DOUBLE), FALSE) AS "q__all__0",
          COALESCE("t75"."s__core_workflows_7d" >= CAST(10.0 AS DOUBLE), FALSE) AS "q__all__1",
          COALESCE("t75"."s__employees" >= CAST(51.0 AS DOUBLE), FALSE) AS "q__all__2"
        FROM (
          SELECT
            "t73"."entity_id",
            "t73"."account_id",
            "t73"."first_seen",
            "t73"."last_seen",
            "t73"."s__users",
            "t73"."s__core_workflows_7d",
            "t73"."s__employees",
            "t65"."key" IS NOT NULL AS "paying"
          FROM (
            SELECT
              "t70"."entity_id",
              "t70"."account_id",
              "t70"."first_seen",
              "t70"."last_seen",
              "t70"."s__users",
              "t70"."s__core_workflows_7d",
              "t11"."s__employees"
            FROM (
              SELECT
                "t60"."entity_id",
                "t60"."account_id",
                "t60"."first_seen",
                "t60"."last_seen",
                COALESCE("t67"."s__users", 0) AS "s__users",
                COALESCE("t67"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
              FROM (
                SELECT
                  "t57"."account_id" AS "entity_id",
                  MAX("t57"."account_id") AS "account_id",
                  MIN("t57"."first_seen") AS "first_seen",
                  MAX("t57"."last_seen") AS "last_seen"
                FROM (
                  SELECT
                    "t55"."user_id" AS "m_user",
                    "t55"."account_id",
                    "t55"."email_domain",
                    "t55"."first_seen",
                    "t55"."last_seen"
                  FROM "t54" AS "t55"
                  WHERE
                    "t55"."account_id" IS NOT NULL
                ) AS "t57"
                GROUP BY
                  1
              ) AS "t60"
              LEFT OUTER JOIN (
                SELECT
                  "t63"."entity_id" AS "key",
                  COUNT(DISTINCT "t63"."person_id") FILTER(WHERE
                    TRUE AND TRUE) AS "s__users",
                  COUNT(*) FILTER(WHERE
                    (
                      "t63"."type" = 'track'
                    )
                    AND "t63"."event" IN ('Report Created')
                    AND (
                      "t63"."timestamp" >= CAST(FROM_ISO8601_TIMESTAMP('2026-03-25T00:00:00') AS TIMESTAMP)
                    )) AS "s__core_workflows_7d"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t42"."message_id",
                      "t42"."type",
                      "t42"."event",
                      "t42"."name",
                      "t42"."user_id",
                      "t42"."anonymous_id",
                      "t42"."group_id",
                      "t42"."previous_id",
                      "t42"."timestamp",
                      "t42"."original_timestamp",
                      "t42"."sent_at",
                      "t42"."received_at",
                      "t42"."properties",
                      "t42"."traits",
                      "t42"."context",
                      "t42"."source",
                      "t42"."loaded_at",
                      "t42"."person_id",
                      "t58"."account_id",
                      "t58"."email_domain",
                      "t58"."account_id" AS "entity_id"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t6"."message_id",
                          "t6"."type",
                          "t6"."event",
                          "t6"."name",
                          "t6"."user_id",
                          "t6"."anonymous_id",
                          "t6"."group_id",
                          "t6"."previous_id",
                          "t6"."timestamp",
                          "t6"."original_timestamp",
                          "t6"."sent_at",
                          "t6"."received_at",
                          "t6"."properties",
                          "t6"."traits",
                          "t6"."context",
                          "t6"."source",
                          "t6"."loaded_at",
                          COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                          (
                            "t6"."user_id" IS NOT NULL
                          ) OR (
                            "t37"."s_person" IS NOT NULL
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
                            "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
                        ) AS "t6"
                        LEFT OUTER JOIN (
                          SELECT
                            "t35"."from_id" AS "s_from",
                            "t35"."person_id" AS "s_person"
                          FROM (
                            SELECT
                              "t33"."from_id",
                              COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t20"."from_id",
                                COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t16"."from_id",
                                  "t16"."to_id" AS "person_id"
                                FROM "t15" AS "t16"
                                WHERE
                                  "t16"."rank" = 0
                              ) AS "t20"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t23"."from_id" AS "next_from",
                                  "t23"."to_id" AS "next_to"
                                FROM "t19" AS "t23"
                              ) AS "t28"
                                ON "t20"."person_id" = "t28"."next_from"
                            ) AS "t33"
                            LEFT OUTER JOIN (
                              SELECT
                                "t22"."from_id" AS "next_from",
                                "t22"."to_id" AS "next_to"
                              FROM "t19" AS "t22"
                            ) AS "t27"
                              ON "t33"."person_id" = "t27"."next_from"
                          ) AS "t35"
                        ) AS "t37"
                          ON "t6"."_sender" = "t37"."s_from"
                      ) AS "t38"
                      WHERE
                        "t38"."is_known"
                    ) AS "t42"
                    LEFT OUTER JOIN (
                      SELECT
                        "t55"."user_id" AS "m_user",
                        "t55"."account_id",
                        "t55"."email_domain"
                      FROM "t54" AS "t55"
                    ) AS "t58"
                      ON "t42"."person_id" = "t58"."m_user"
                  ) AS "t62"
                  WHERE
                    "t62"."entity_id" IS NOT NULL
                ) AS "t63"
                GROUP BY
                  1
              ) AS "t67"
                ON "t60"."entity_id" = "t67"."key"
            ) AS "t70"
            LEFT OUTER JOIN (
              SELECT
                "t5"."group_id" AS "key",
                MAX_BY("t5"."s__employees", "t5"."timestamp") FILTER(WHERE
                  "t5"."s__employees" IS NOT NULL) AS "s__employees"
              FROM (
                SELECT
                  "t0"."group_id",
                  "t0"."timestamp",
                  CAST(JSON_VALUE(
                    JSON_FORMAT(JSON_EXTRACT("t0"."traits", FORMAT('$["%s"]', 'employees'))),
                    'strict $?($.type() == "number")'
                  ) AS DOUBLE) AS "s__employees"
                FROM "events" AS "t0"
                WHERE
                  "t0"."type" = 'group'
                  AND "t0"."traits" IS NOT NULL
                  AND "t0"."group_id" IS NOT NULL
                  AND "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
              ) AS "t5"
              GROUP BY
                1
            ) AS "t11"
              ON "t70"."entity_id" = "t11"."key"
          ) AS "t73"
          LEFT OUTER JOIN (
            SELECT DISTINCT
              "t62"."entity_id" AS "key"
            FROM (
              SELECT
                "t42"."message_id",
                "t42"."type",
                "t42"."event",
                "t42"."name",
                "t42"."user_id",
                "t42"."anonymous_id",
                "t42"."group_id",
                "t42"."previous_id",
                "t42"."timestamp",
                "t42"."original_timestamp",
                "t42"."sent_at",
                "t42"."received_at",
                "t42"."properties",
                "t42"."traits",
                "t42"."context",
                "t42"."source",
                "t42"."loaded_at",
                "t42"."person_id",
                "t58"."account_id",
                "t58"."email_domain",
                "t58"."account_id" AS "entity_id"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t6"."message_id",
                    "t6"."type",
                    "t6"."event",
                    "t6"."name",
                    "t6"."user_id",
                    "t6"."anonymous_id",
                    "t6"."group_id",
                    "t6"."previous_id",
                    "t6"."timestamp",
                    "t6"."original_timestamp",
                    "t6"."sent_at",
                    "t6"."received_at",
                    "t6"."properties",
                    "t6"."traits",
                    "t6"."context",
                    "t6"."source",
                    "t6"."loaded_at",
                    COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                    (
                      "t6"."user_id" IS NOT NULL
                    ) OR (
                      "t37"."s_person" IS NOT NULL
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
                      "t0"."timestamp" < CAST(FROM_ISO8601_TIMESTAMP('2026-04-01T00:00:00') AS TIMESTAMP)
                  ) AS "t6"
                  LEFT OUTER JOIN (
                    SELECT
                      "t35"."from_id" AS "s_from",
                      "t35"."person_id" AS "s_person"
                    FROM (
                      SELECT
                        "t33"."from_id",
                        COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t20"."from_id",
                          COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                        FROM (
                          SELECT
                            "t16"."from_id",
                            "t16"."to_id" AS "person_id"
                          FROM "t15" AS "t16"
                          WHERE
                            "t16"."rank" = 0
                        ) AS "t20"
                        LEFT OUTER JOIN (
                          SELECT
                            "t23"."from_id" AS "next_from",
                            "t23"."to_id" AS "next_to"
                          FROM "t19" AS "t23"
                        ) AS "t28"
                          ON "t20"."person_id" = "t28"."next_from"
                      ) AS "t33"
                      LEFT OUTER JOIN (
                        SELECT
                          "t22"."from_id" AS "next_from",
                          "t22"."to_id" AS "next_to"
                        FROM "t19" AS "t22"
                      ) AS "t27"
                        ON "t33"."person_id" = "t27"."next_from"
                    ) AS "t35"
                  ) AS "t37"
                    ON "t6"."_sender" = "t37"."s_from"
                ) AS "t38"
                WHERE
                  "t38"."is_known"
              ) AS "t42"
              LEFT OUTER JOIN (
                SELECT
                  "t55"."user_id" AS "m_user",
                  "t55"."account_id",
                  "t55"."email_domain"
                FROM "t54" AS "t55"
              ) AS "t58"
                ON "t42"."person_id" = "t58"."m_user"
            ) AS "t62"
            WHERE
              "t62"."entity_id" IS NOT NULL
              AND "t62"."type" = 'track'
              AND "t62"."event" IN ('Subscription Started')
          ) AS "t65"
            ON "t73"."entity_id" = "t65"."key"
        ) AS "t75"
        WHERE
          NOT (
            "t75"."paying"
          )
      ) AS "t77"
    ) AS "t79"
  ) AS "t80"
) AS "t81";
