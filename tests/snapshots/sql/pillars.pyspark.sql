WITH `t19` AS (
  SELECT
    `t16`.`from_id`,
    `t16`.`to_id`,
    `t16`.`linked_at`,
    ROW_NUMBER() OVER (
      PARTITION BY `t16`.`from_id`
      ORDER BY `t16`.`linked_at` ASC NULLS LAST, `t16`.`to_id` ASC NULLS LAST
    ) - 1 AS `rank`
  FROM (
    SELECT
      `t13`.`from_id`,
      `t13`.`to_id`,
      MIN(`t13`.`at`) AS `linked_at`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t0`.`previous_id` AS `from_id`,
            `t0`.`user_id` AS `to_id`,
            `t0`.`timestamp` AS `at`
          FROM `events` AS `t0`
          WHERE
            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND `t0`.`type` = 'alias'
            AND `t0`.`previous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t4`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t0`.`anonymous_id` AS `from_id`,
            `t0`.`user_id` AS `to_id`,
            `t0`.`timestamp` AS `at`
          FROM `events` AS `t0`
          WHERE
            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND `t0`.`anonymous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t5`
      ) AS `t10`
      WHERE
        `t10`.`from_id` <> `t10`.`to_id`
    ) AS `t13`
    GROUP BY
      1,
      2
  ) AS `t16`
), `t22` AS (
  SELECT
    `t20`.`from_id`,
    `t20`.`to_id`,
    `t20`.`linked_at`
  FROM `t19` AS `t20`
  WHERE
    `t20`.`rank` = 0
), `t44` AS (
  SELECT
    `t9`.`type`,
    `t9`.`timestamp`,
    `t9`.`user_id`,
    `t9`.`anonymous_id`,
    `t9`.`group_id`,
    `t9`.`traits`,
    COALESCE(`t42`.`s_person`, `t9`.`_sender`) AS `person_id`,
    (
      `t9`.`user_id` IS NOT NULL
    ) OR (
      `t42`.`s_person` IS NOT NULL
    ) AS `is_known`
  FROM (
    SELECT
      `t0`.`type`,
      `t0`.`timestamp`,
      `t0`.`user_id`,
      `t0`.`anonymous_id`,
      `t0`.`group_id`,
      `t0`.`traits`,
      COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
    FROM `events` AS `t0`
    WHERE
      `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
  ) AS `t9`
  LEFT OUTER JOIN (
    SELECT
      `t40`.`from_id` AS `s_from`,
      `t40`.`person_id` AS `s_person`
    FROM (
      SELECT
        `t36`.`from_id`,
        COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
      FROM (
        SELECT
          `t24`.`from_id`,
          COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
        FROM (
          SELECT
            `t20`.`from_id`,
            `t20`.`to_id` AS `person_id`
          FROM `t19` AS `t20`
          WHERE
            `t20`.`rank` = 0
        ) AS `t24`
        LEFT OUTER JOIN (
          SELECT
            `t27`.`from_id` AS `next_from`,
            `t27`.`to_id` AS `next_to`
          FROM `t22` AS `t27`
        ) AS `t32`
          ON `t24`.`person_id` = `t32`.`next_from`
      ) AS `t36`
      LEFT OUTER JOIN (
        SELECT
          `t26`.`from_id` AS `next_from`,
          `t26`.`to_id` AS `next_to`
        FROM `t22` AS `t26`
      ) AS `t31`
        ON `t36`.`person_id` = `t31`.`next_from`
    ) AS `t40`
  ) AS `t42`
    ON `t9`.`_sender` = `t42`.`s_from`
), `t59` AS (
  SELECT
    `t58`.`user_id`,
    `t58`.`email`,
    `t58`.`email_domain`,
    `t58`.`first_seen`,
    `t58`.`last_seen`,
    COALESCE(
      `t58`.`group_account`,
      `t38`.`domain_account`,
      IF(
        (
          `t58`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t58`.`email_domain` IN (
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
        CONCAT('domain:', `t58`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t58`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t38`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t58`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t58`.`email_domain` IN (
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
        CONCAT('domain:', `t58`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t55`.`user_id`,
      `t55`.`first_seen`,
      `t55`.`last_seen`,
      `t55`.`group_account`,
      `t55`.`email`,
      NULLIF(
        IF(
          (
            LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`)),
            IF(
              (
                (
                  LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
                ) + 1 + 1
              ) >= 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
              ) + 1 + 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`)))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        `t51`.`user_id`,
        `t51`.`first_seen`,
        `t51`.`last_seen`,
        `t51`.`group_account`,
        `t53`.`email`
      FROM (
        SELECT
          `t48`.`person_id` AS `user_id`,
          MIN(`t48`.`timestamp`) AS `first_seen`,
          MAX(`t48`.`timestamp`) AS `last_seen`,
          MAX_BY(
            IF(`t48`.`group_id` IS NOT NULL, `t48`.`group_id`, NULL),
            IF(`t48`.`group_id` IS NOT NULL, `t48`.`timestamp`, NULL)
          ) AS `group_account`
        FROM (
          SELECT
            *
          FROM `t44` AS `t45`
          WHERE
            `t45`.`is_known`
        ) AS `t48`
        GROUP BY
          1
      ) AS `t51`
      LEFT OUTER JOIN (
        SELECT
          `t49`.`e_user`,
          MAX_BY(
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))),
              NULL
            ),
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              `t49`.`timestamp`,
              NULL
            )
          ) AS `email`
        FROM (
          SELECT
            `t45`.`type`,
            `t45`.`timestamp`,
            `t45`.`user_id`,
            `t45`.`anonymous_id`,
            `t45`.`group_id`,
            `t45`.`traits`,
            `t45`.`person_id`,
            `t45`.`is_known`,
            `t45`.`person_id` AS `e_user`
          FROM `t44` AS `t45`
          WHERE
            `t45`.`is_known`
            AND `t45`.`type` <> 'group'
            AND `t45`.`traits` IS NOT NULL
            AND `t45`.`person_id` IS NOT NULL
        ) AS `t49`
        GROUP BY
          1
      ) AS `t53`
        ON `t51`.`user_id` = `t53`.`e_user`
    ) AS `t55`
  ) AS `t58`
  LEFT OUTER JOIN (
    SELECT
      `t33`.`domain`,
      `t33`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t28`.`group_id`,
        `t28`.`since`,
        `t28`.`domain`,
        ROW_NUMBER() OVER (
          PARTITION BY `t28`.`domain`
          ORDER BY `t28`.`since` ASC NULLS LAST, `t28`.`group_id` ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t18`.`group_id`,
            `t12`.`since`,
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(' \t\n\r\v\f' FROM COALESCE(`t18`.`domain`, `t18`.`website`))),
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
            ) AS `domain`
          FROM (
            SELECT
              `t7`.`group_id`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))) IS NOT NULL,
                  `t7`.`timestamp`,
                  NULL
                )
              ) AS `domain`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))) IS NOT NULL,
                  `t7`.`timestamp`,
                  NULL
                )
              ) AS `website`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
                AND `t0`.`traits` IS NOT NULL
            ) AS `t7`
            GROUP BY
              1
          ) AS `t18`
          INNER JOIN (
            SELECT
              `t2`.`group_id` AS `fs_group`,
              MIN(`t2`.`timestamp`) AS `since`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
            ) AS `t2`
            GROUP BY
              1
          ) AS `t12`
            ON `t18`.`group_id` = `t12`.`fs_group`
        ) AS `t23`
        WHERE
          `t23`.`domain` IS NOT NULL
      ) AS `t28`
    ) AS `t33`
    WHERE
      `t33`.`rank` = 0
  ) AS `t38`
    ON `t58`.`email_domain` = `t38`.`domain`
)
SELECT
  `t109`.`entity_id`,
  `t109`.`account_id`,
  `t109`.`first_seen`,
  `t109`.`last_seen`,
  `t109`.`s__activated`,
  `t109`.`s__activated_within_7d`,
  `t109`.`s__core_feature_30d`,
  `t109`.`s__paywall_hits_30d`,
  `t109`.`s__enterprise_views_30d`,
  `t109`.`s__teammates_invited`,
  `t109`.`s__sessions_14d`,
  `t109`.`s__employees`,
  `t109`.`s__industry`,
  `t109`.`paying`,
  `t109`.`p__activation__0`,
  `t109`.`p__activation__1`,
  `t109`.`p__usage__0`,
  `t109`.`p__usage__1`,
  `t109`.`p__firmographic__0`,
  `t109`.`p__firmographic__1`,
  `t109`.`p__intent__0`,
  `t109`.`p__intent__1`,
  `t109`.`p__intent__2`,
  `t109`.`l__activation`,
  `t109`.`l__usage`,
  `t109`.`l__firmographic`,
  `t109`.`l__intent`,
  `t109`.`score`,
  CASE
    WHEN `t109`.`score` >= 70.0
    THEN 'hot'
    WHEN `t109`.`score` >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS `tier`,
  'user' AS `entity_type`,
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS `as_of`
FROM (
  SELECT
    `t107`.`entity_id`,
    `t107`.`account_id`,
    `t107`.`first_seen`,
    `t107`.`last_seen`,
    `t107`.`s__activated`,
    `t107`.`s__activated_within_7d`,
    `t107`.`s__core_feature_30d`,
    `t107`.`s__paywall_hits_30d`,
    `t107`.`s__enterprise_views_30d`,
    `t107`.`s__teammates_invited`,
    `t107`.`s__sessions_14d`,
    `t107`.`s__employees`,
    `t107`.`s__industry`,
    `t107`.`paying`,
    `t107`.`p__activation__0`,
    `t107`.`p__activation__1`,
    `t107`.`p__usage__0`,
    `t107`.`p__usage__1`,
    `t107`.`p__firmographic__0`,
    `t107`.`p__firmographic__1`,
    `t107`.`p__intent__0`,
    `t107`.`p__intent__1`,
    `t107`.`p__intent__2`,
    `t107`.`l__activation`,
    `t107`.`l__usage`,
    `t107`.`l__firmographic`,
    `t107`.`l__intent`,
    `t107`.`l__activation` + `t107`.`l__usage` + `t107`.`l__firmographic` + `t107`.`l__intent` AS `score`
  FROM (
    SELECT
      `t105`.`entity_id`,
      `t105`.`account_id`,
      `t105`.`first_seen`,
      `t105`.`last_seen`,
      `t105`.`s__activated`,
      `t105`.`s__activated_within_7d`,
      `t105`.`s__core_feature_30d`,
      `t105`.`s__paywall_hits_30d`,
      `t105`.`s__enterprise_views_30d`,
      `t105`.`s__teammates_invited`,
      `t105`.`s__sessions_14d`,
      `t105`.`s__employees`,
      `t105`.`s__industry`,
      `t105`.`paying`,
      `t105`.`p__activation__0`,
      `t105`.`p__activation__1`,
      `t105`.`p__usage__0`,
      `t105`.`p__usage__1`,
      `t105`.`p__firmographic__0`,
      `t105`.`p__firmographic__1`,
      `t105`.`p__intent__0`,
      `t105`.`p__intent__1`,
      `t105`.`p__intent__2`,
      LEAST(`t105`.`p__activation__0` + `t105`.`p__activation__1`, CAST(30 AS DOUBLE)) AS `l__activation`,
      LEAST(`t105`.`p__usage__0` + `t105`.`p__usage__1`, CAST(30 AS DOUBLE)) AS `l__usage`,
      LEAST(`t105`.`p__firmographic__0` + `t105`.`p__firmographic__1`, CAST(25 AS DOUBLE)) AS `l__firmographic`,
      LEAST(
        `t105`.`p__intent__0` + `t105`.`p__intent__1` + `t105`.`p__intent__2`,
        CAST(30 AS DOUBLE)
      ) AS `l__intent`
    FROM (
      SELECT
        `t103`.`entity_id`,
        `t103`.`account_id`,
        `t103`.`first_seen`,
        `t103`.`last_seen`,
        `t103`.`s__activated`,
        `t103`.`s__activated_within_7d`,
        `t103`.`s__core_feature_30d`,
        `t103`.`s__paywall_hits_30d`,
        `t103`.`s__enterprise_views_30d`,
        `t103`.`s__teammates_invited`,
        `t103`.`s__sessions_14d`,
        `t103`.`s__employees`,
        `t103`.`s__industry`,
        `t103`.`paying`,
        IF(COALESCE(`t103`.`s__activated`, FALSE), CAST(20 AS DOUBLE), CAST(0 AS DOUBLE)) AS `p__activation__0`,
        IF(
          COALESCE(`t103`.`s__activated_within_7d`, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__activation__1`,
        COALESCE(
          CASE
            WHEN (
              `t103`.`s__sessions_14d` >= 3.0
            ) AND (
              `t103`.`s__sessions_14d` <= 6.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN `t103`.`s__sessions_14d` >= 7.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS `p__usage__0`,
        IF(
          COALESCE(`t103`.`s__core_feature_30d` >= 5.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__usage__1`,
        COALESCE(
          CASE
            WHEN (
              `t103`.`s__employees` >= 50.0
            ) AND (
              `t103`.`s__employees` <= 199.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN `t103`.`s__employees` >= 200.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS `p__firmographic__0`,
        IF(
          COALESCE(`t103`.`s__industry` IN ('Software', 'Financial Services', 'Healthcare'), FALSE),
          CAST(5 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__firmographic__1`,
        IF(
          COALESCE(`t103`.`s__paywall_hits_30d` >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__0`,
        IF(
          COALESCE(`t103`.`s__enterprise_views_30d` >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__1`,
        IF(
          COALESCE(`t103`.`s__teammates_invited` >= 2.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__2`
      FROM (
        SELECT
          `t101`.`entity_id`,
          `t101`.`account_id`,
          `t101`.`first_seen`,
          `t101`.`last_seen`,
          `t101`.`s__activated`,
          `t101`.`s__activated_within_7d`,
          `t101`.`s__core_feature_30d`,
          `t101`.`s__paywall_hits_30d`,
          `t101`.`s__enterprise_views_30d`,
          `t101`.`s__teammates_invited`,
          `t101`.`s__sessions_14d`,
          `t101`.`s__employees`,
          `t101`.`s__industry`,
          `t84`.`key` IS NOT NULL AS `paying`
        FROM (
          SELECT
            `t98`.`entity_id`,
            `t98`.`account_id`,
            `t98`.`first_seen`,
            `t98`.`last_seen`,
            `t98`.`s__activated`,
            `t98`.`s__activated_within_7d`,
            `t98`.`s__core_feature_30d`,
            `t98`.`s__paywall_hits_30d`,
            `t98`.`s__enterprise_views_30d`,
            `t98`.`s__teammates_invited`,
            `t98`.`s__sessions_14d`,
            `t17`.`s__employees`,
            `t17`.`s__industry`
          FROM (
            SELECT
              `t95`.`entity_id`,
              `t95`.`account_id`,
              `t95`.`first_seen`,
              `t95`.`last_seen`,
              `t95`.`s__activated`,
              `t95`.`s__activated_within_7d`,
              `t95`.`s__core_feature_30d`,
              `t95`.`s__paywall_hits_30d`,
              `t95`.`s__enterprise_views_30d`,
              `t95`.`s__teammates_invited`,
              COALESCE(`t90`.`s__sessions_14d`, 0) AS `s__sessions_14d`
            FROM (
              SELECT
                `t67`.`entity_id`,
                `t67`.`account_id`,
                `t67`.`first_seen`,
                `t67`.`last_seen`,
                COALESCE(`t92`.`s__activated`, FALSE) AS `s__activated`,
                COALESCE(`t92`.`s__activated_within_7d`, FALSE) AS `s__activated_within_7d`,
                COALESCE(`t92`.`s__core_feature_30d`, 0) AS `s__core_feature_30d`,
                COALESCE(`t92`.`s__paywall_hits_30d`, 0) AS `s__paywall_hits_30d`,
                COALESCE(`t92`.`s__enterprise_views_30d`, 0) AS `s__enterprise_views_30d`,
                COALESCE(`t92`.`s__teammates_invited`, 0) AS `s__teammates_invited`
              FROM (
                SELECT
                  `t60`.`user_id` AS `entity_id`,
                  `t60`.`account_id`,
                  `t60`.`first_seen`,
                  `t60`.`last_seen`
                FROM `t59` AS `t60`
              ) AS `t67`
              LEFT OUTER JOIN (
                SELECT
                  `t88`.`entity_id` AS `key`,
                  (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      ) AND `t88`.`event` IN ('Project Created') AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      ) AND `t88`.`event` IN ('Data Source Connected') AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      ) AND `t88`.`event` IN ('Dashboard Created') AS BIGINT)
                    ) >= 1
                  ) AS `s__activated`,
                  (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      )
                      AND `t88`.`event` IN ('Project Created')
                      AND (
                        `t88`.`timestamp` < (
                          `t88`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      )
                      AND `t88`.`event` IN ('Data Source Connected')
                      AND (
                        `t88`.`timestamp` < (
                          `t88`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t88`.`type` = 'track'
                      )
                      AND `t88`.`event` IN ('Dashboard Created')
                      AND (
                        `t88`.`timestamp` < (
                          `t88`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  ) AS `s__activated_within_7d`,
                  SUM(
                    CAST((
                      `t88`.`type` = 'track'
                    )
                    AND `t88`.`event` IN ('Report Created')
                    AND (
                      `t88`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__core_feature_30d`,
                  SUM(
                    CAST((
                      `t88`.`type` = 'track'
                    )
                    AND `t88`.`event` IN ('Paywall Hit')
                    AND (
                      `t88`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__paywall_hits_30d`,
                  SUM(
                    CAST((
                      `t88`.`type` = 'track'
                    )
                    AND `t88`.`event` IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      UNWRAP_JSON_STR(GET_JSON_OBJECT(`t88`.`properties`, FORMAT_STRING('$.%s', 'feature'))) IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                      FALSE
                    )
                    AND (
                      `t88`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__enterprise_views_30d`,
                  SUM(
                    CAST((
                      `t88`.`type` = 'track'
                    ) AND `t88`.`event` IN ('Invite Sent') AND TRUE AS BIGINT)
                  ) AS `s__teammates_invited`
                FROM (
                  SELECT
                    `t71`.`message_id`,
                    `t71`.`type`,
                    `t71`.`event`,
                    `t71`.`name`,
                    `t71`.`user_id`,
                    `t71`.`anonymous_id`,
                    `t71`.`group_id`,
                    `t71`.`previous_id`,
                    `t71`.`timestamp`,
                    `t71`.`original_timestamp`,
                    `t71`.`sent_at`,
                    `t71`.`received_at`,
                    `t71`.`properties`,
                    `t71`.`traits`,
                    `t71`.`context`,
                    `t71`.`source`,
                    `t71`.`loaded_at`,
                    `t71`.`person_id`,
                    `t71`.`account_id`,
                    `t71`.`email_domain`,
                    `t71`.`entity_id`,
                    `t83`.`start`
                  FROM (
                    SELECT
                      `t47`.`message_id`,
                      `t47`.`type`,
                      `t47`.`event`,
                      `t47`.`name`,
                      `t47`.`user_id`,
                      `t47`.`anonymous_id`,
                      `t47`.`group_id`,
                      `t47`.`previous_id`,
                      `t47`.`timestamp`,
                      `t47`.`original_timestamp`,
                      `t47`.`sent_at`,
                      `t47`.`received_at`,
                      `t47`.`properties`,
                      `t47`.`traits`,
                      `t47`.`context`,
                      `t47`.`source`,
                      `t47`.`loaded_at`,
                      `t47`.`person_id`,
                      `t65`.`account_id`,
                      `t65`.`email_domain`,
                      `t47`.`person_id` AS `entity_id`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t8`.`message_id`,
                          `t8`.`type`,
                          `t8`.`event`,
                          `t8`.`name`,
                          `t8`.`user_id`,
                          `t8`.`anonymous_id`,
                          `t8`.`group_id`,
                          `t8`.`previous_id`,
                          `t8`.`timestamp`,
                          `t8`.`original_timestamp`,
                          `t8`.`sent_at`,
                          `t8`.`received_at`,
                          `t8`.`properties`,
                          `t8`.`traits`,
                          `t8`.`context`,
                          `t8`.`source`,
                          `t8`.`loaded_at`,
                          COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                          (
                            `t8`.`user_id` IS NOT NULL
                          ) OR (
                            `t42`.`s_person` IS NOT NULL
                          ) AS `is_known`
                        FROM (
                          SELECT
                            `t0`.`message_id`,
                            `t0`.`type`,
                            `t0`.`event`,
                            `t0`.`name`,
                            `t0`.`user_id`,
                            `t0`.`anonymous_id`,
                            `t0`.`group_id`,
                            `t0`.`previous_id`,
                            `t0`.`timestamp`,
                            `t0`.`original_timestamp`,
                            `t0`.`sent_at`,
                            `t0`.`received_at`,
                            `t0`.`properties`,
                            `t0`.`traits`,
                            `t0`.`context`,
                            `t0`.`source`,
                            `t0`.`loaded_at`,
                            COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                          FROM `events` AS `t0`
                          WHERE
                            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                        ) AS `t8`
                        LEFT OUTER JOIN (
                          SELECT
                            `t40`.`from_id` AS `s_from`,
                            `t40`.`person_id` AS `s_person`
                          FROM (
                            SELECT
                              `t36`.`from_id`,
                              COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t24`.`from_id`,
                                COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t20`.`from_id`,
                                  `t20`.`to_id` AS `person_id`
                                FROM `t19` AS `t20`
                                WHERE
                                  `t20`.`rank` = 0
                              ) AS `t24`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t27`.`from_id` AS `next_from`,
                                  `t27`.`to_id` AS `next_to`
                                FROM `t22` AS `t27`
                              ) AS `t32`
                                ON `t24`.`person_id` = `t32`.`next_from`
                            ) AS `t36`
                            LEFT OUTER JOIN (
                              SELECT
                                `t26`.`from_id` AS `next_from`,
                                `t26`.`to_id` AS `next_to`
                              FROM `t22` AS `t26`
                            ) AS `t31`
                              ON `t36`.`person_id` = `t31`.`next_from`
                          ) AS `t40`
                        ) AS `t42`
                          ON `t8`.`_sender` = `t42`.`s_from`
                      ) AS `t43`
                      WHERE
                        `t43`.`is_known`
                    ) AS `t47`
                    LEFT OUTER JOIN (
                      SELECT
                        `t60`.`user_id` AS `m_user`,
                        `t60`.`account_id`,
                        `t60`.`email_domain`
                      FROM `t59` AS `t60`
                    ) AS `t65`
                      ON `t47`.`person_id` = `t65`.`m_user`
                  ) AS `t71`
                  LEFT OUTER JOIN (
                    SELECT
                      `t66`.`f_key` AS `st_key`,
                      COALESCE(`t78`.`s_at`, `t66`.`f_at`) AS `start`
                    FROM (
                      SELECT
                        `t60`.`user_id` AS `f_key`,
                        `t60`.`first_seen` AS `f_at`
                      FROM `t59` AS `t60`
                    ) AS `t66`
                    LEFT OUTER JOIN (
                      SELECT
                        `t73`.`entity_id` AS `s_key`,
                        MIN(`t73`.`timestamp`) AS `s_at`
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t47`.`message_id`,
                            `t47`.`type`,
                            `t47`.`event`,
                            `t47`.`name`,
                            `t47`.`user_id`,
                            `t47`.`anonymous_id`,
                            `t47`.`group_id`,
                            `t47`.`previous_id`,
                            `t47`.`timestamp`,
                            `t47`.`original_timestamp`,
                            `t47`.`sent_at`,
                            `t47`.`received_at`,
                            `t47`.`properties`,
                            `t47`.`traits`,
                            `t47`.`context`,
                            `t47`.`source`,
                            `t47`.`loaded_at`,
                            `t47`.`person_id`,
                            `t65`.`account_id`,
                            `t65`.`email_domain`,
                            `t47`.`person_id` AS `entity_id`
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                `t8`.`message_id`,
                                `t8`.`type`,
                                `t8`.`event`,
                                `t8`.`name`,
                                `t8`.`user_id`,
                                `t8`.`anonymous_id`,
                                `t8`.`group_id`,
                                `t8`.`previous_id`,
                                `t8`.`timestamp`,
                                `t8`.`original_timestamp`,
                                `t8`.`sent_at`,
                                `t8`.`received_at`,
                                `t8`.`properties`,
                                `t8`.`traits`,
                                `t8`.`context`,
                                `t8`.`source`,
                                `t8`.`loaded_at`,
                                COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                                (
                                  `t8`.`user_id` IS NOT NULL
                                ) OR (
                                  `t42`.`s_person` IS NOT NULL
                                ) AS `is_known`
                              FROM (
                                SELECT
                                  `t0`.`message_id`,
                                  `t0`.`type`,
                                  `t0`.`event`,
                                  `t0`.`name`,
                                  `t0`.`user_id`,
                                  `t0`.`anonymous_id`,
                                  `t0`.`group_id`,
                                  `t0`.`previous_id`,
                                  `t0`.`timestamp`,
                                  `t0`.`original_timestamp`,
                                  `t0`.`sent_at`,
                                  `t0`.`received_at`,
                                  `t0`.`properties`,
                                  `t0`.`traits`,
                                  `t0`.`context`,
                                  `t0`.`source`,
                                  `t0`.`loaded_at`,
                                  COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                                FROM `events` AS `t0`
                                WHERE
                                  `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                              ) AS `t8`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t40`.`from_id` AS `s_from`,
                                  `t40`.`person_id` AS `s_person`
                                FROM (
                                  SELECT
                                    `t36`.`from_id`,
                                    COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                                  FROM (
                                    SELECT
                                      `t24`.`from_id`,
                                      COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                                    FROM (
                                      SELECT
                                        `t20`.`from_id`,
                                        `t20`.`to_id` AS `person_id`
                                      FROM `t19` AS `t20`
                                      WHERE
                                        `t20`.`rank` = 0
                                    ) AS `t24`
                                    LEFT OUTER JOIN (
                                      SELECT
                                        `t27`.`from_id` AS `next_from`,
                                        `t27`.`to_id` AS `next_to`
                                      FROM `t22` AS `t27`
                                    ) AS `t32`
                                      ON `t24`.`person_id` = `t32`.`next_from`
                                  ) AS `t36`
                                  LEFT OUTER JOIN (
                                    SELECT
                                      `t26`.`from_id` AS `next_from`,
                                      `t26`.`to_id` AS `next_to`
                                    FROM `t22` AS `t26`
                                  ) AS `t31`
                                    ON `t36`.`person_id` = `t31`.`next_from`
                                ) AS `t40`
                              ) AS `t42`
                                ON `t8`.`_sender` = `t42`.`s_from`
                            ) AS `t43`
                            WHERE
                              `t43`.`is_known`
                          ) AS `t47`
                          LEFT OUTER JOIN (
                            SELECT
                              `t60`.`user_id` AS `m_user`,
                              `t60`.`account_id`,
                              `t60`.`email_domain`
                            FROM `t59` AS `t60`
                          ) AS `t65`
                            ON `t47`.`person_id` = `t65`.`m_user`
                        ) AS `t70`
                        WHERE
                          `t70`.`type` = 'track' AND `t70`.`event` = 'Signed Up'
                      ) AS `t73`
                      GROUP BY
                        1
                    ) AS `t78`
                      ON `t66`.`f_key` = `t78`.`s_key`
                  ) AS `t83`
                    ON `t71`.`entity_id` = `t83`.`st_key`
                ) AS `t88`
                GROUP BY
                  1
              ) AS `t92`
                ON `t67`.`entity_id` = `t92`.`key`
            ) AS `t95`
            LEFT OUTER JOIN (
              SELECT
                `t86`.`key`,
                `t86`.`value` AS `s__sessions_14d`
              FROM (
                SELECT
                  `t85`.`key`,
                  SUM(`t85`.`new`) AS `value`
                FROM (
                  SELECT
                    `t75`.`entity_id` AS `key`,
                    IF(
                      (
                        LAG(`t75`.`timestamp`) OVER (PARTITION BY `t75`.`entity_id` ORDER BY `t75`.`timestamp` ASC NULLS LAST) IS NULL
                      )
                      OR (
                        (
                          UNIX_TIMESTAMP(CAST(`t75`.`timestamp` AS TIMESTAMP)) - UNIX_TIMESTAMP(
                            CAST(LAG(`t75`.`timestamp`) OVER (PARTITION BY `t75`.`entity_id` ORDER BY `t75`.`timestamp` ASC NULLS LAST) AS TIMESTAMP)
                          )
                        ) > 1800.0
                      ),
                      1,
                      0
                    ) AS `new`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t47`.`message_id`,
                        `t47`.`type`,
                        `t47`.`event`,
                        `t47`.`name`,
                        `t47`.`user_id`,
                        `t47`.`anonymous_id`,
                        `t47`.`group_id`,
                        `t47`.`previous_id`,
                        `t47`.`timestamp`,
                        `t47`.`original_timestamp`,
                        `t47`.`sent_at`,
                        `t47`.`received_at`,
                        `t47`.`properties`,
                        `t47`.`traits`,
                        `t47`.`context`,
                        `t47`.`source`,
                        `t47`.`loaded_at`,
                        `t47`.`person_id`,
                        `t65`.`account_id`,
                        `t65`.`email_domain`,
                        `t47`.`person_id` AS `entity_id`
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t8`.`message_id`,
                            `t8`.`type`,
                            `t8`.`event`,
                            `t8`.`name`,
                            `t8`.`user_id`,
                            `t8`.`anonymous_id`,
                            `t8`.`group_id`,
                            `t8`.`previous_id`,
                            `t8`.`timestamp`,
                            `t8`.`original_timestamp`,
                            `t8`.`sent_at`,
                            `t8`.`received_at`,
                            `t8`.`properties`,
                            `t8`.`traits`,
                            `t8`.`context`,
                            `t8`.`source`,
                            `t8`.`loaded_at`,
                            COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                            (
                              `t8`.`user_id` IS NOT NULL
                            ) OR (
                              `t42`.`s_person` IS NOT NULL
                            ) AS `is_known`
                          FROM (
                            SELECT
                              `t0`.`message_id`,
                              `t0`.`type`,
                              `t0`.`event`,
                              `t0`.`name`,
                              `t0`.`user_id`,
                              `t0`.`anonymous_id`,
                              `t0`.`group_id`,
                              `t0`.`previous_id`,
                              `t0`.`timestamp`,
                              `t0`.`original_timestamp`,
                              `t0`.`sent_at`,
                              `t0`.`received_at`,
                              `t0`.`properties`,
                              `t0`.`traits`,
                              `t0`.`context`,
                              `t0`.`source`,
                              `t0`.`loaded_at`,
                              COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                            FROM `events` AS `t0`
                            WHERE
                              `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                          ) AS `t8`
                          LEFT OUTER JOIN (
                            SELECT
                              `t40`.`from_id` AS `s_from`,
                              `t40`.`person_id` AS `s_person`
                            FROM (
                              SELECT
                                `t36`.`from_id`,
                                COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t24`.`from_id`,
                                  COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                                FROM (
                                  SELECT
                                    `t20`.`from_id`,
                                    `t20`.`to_id` AS `person_id`
                                  FROM `t19` AS `t20`
                                  WHERE
                                    `t20`.`rank` = 0
                                ) AS `t24`
                                LEFT OUTER JOIN (
                                  SELECT
                                    `t27`.`from_id` AS `next_from`,
                                    `t27`.`to_id` AS `next_to`
                                  FROM `t22` AS `t27`
                                ) AS `t32`
                                  ON `t24`.`person_id` = `t32`.`next_from`
                              ) AS `t36`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t26`.`from_id` AS `next_from`,
                                  `t26`.`to_id` AS `next_to`
                                FROM `t22` AS `t26`
                              ) AS `t31`
                                ON `t36`.`person_id` = `t31`.`next_from`
                            ) AS `t40`
                          ) AS `t42`
                            ON `t8`.`_sender` = `t42`.`s_from`
                        ) AS `t43`
                        WHERE
                          `t43`.`is_known`
                      ) AS `t47`
                      LEFT OUTER JOIN (
                        SELECT
                          `t60`.`user_id` AS `m_user`,
                          `t60`.`account_id`,
                          `t60`.`email_domain`
                        FROM `t59` AS `t60`
                      ) AS `t65`
                        ON `t47`.`person_id` = `t65`.`m_user`
                    ) AS `t70`
                    WHERE
                      `t70`.`type` IN ('track', 'page', 'screen')
                      AND `t70`.`timestamp` >= CAST('2026-03-18T00:00:00' AS TIMESTAMP)
                  ) AS `t75`
                ) AS `t85`
                GROUP BY
                  1
              ) AS `t86`
            ) AS `t90`
              ON `t95`.`entity_id` = `t90`.`key`
          ) AS `t98`
          LEFT OUTER JOIN (
            SELECT
              `t6`.`group_id` AS `key`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                  AND NOT ISNAN(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                  ),
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                  AND NOT ISNAN(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                  ),
                  `t6`.`timestamp`,
                  NULL
                )
              ) AS `s__employees`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'industry'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'industry'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'industry'))) IS NOT NULL,
                  `t6`.`timestamp`,
                  NULL
                )
              ) AS `s__industry`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`type` = 'group'
                AND `t0`.`traits` IS NOT NULL
                AND `t0`.`group_id` IS NOT NULL
                AND `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            ) AS `t6`
            GROUP BY
              1
          ) AS `t17`
            ON `t98`.`account_id` = `t17`.`key`
        ) AS `t101`
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t70`.`entity_id` AS `key`
              FROM (
                SELECT
                  `t47`.`message_id`,
                  `t47`.`type`,
                  `t47`.`event`,
                  `t47`.`name`,
                  `t47`.`user_id`,
                  `t47`.`anonymous_id`,
                  `t47`.`group_id`,
                  `t47`.`previous_id`,
                  `t47`.`timestamp`,
                  `t47`.`original_timestamp`,
                  `t47`.`sent_at`,
                  `t47`.`received_at`,
                  `t47`.`properties`,
                  `t47`.`traits`,
                  `t47`.`context`,
                  `t47`.`source`,
                  `t47`.`loaded_at`,
                  `t47`.`person_id`,
                  `t65`.`account_id`,
                  `t65`.`email_domain`,
                  `t47`.`person_id` AS `entity_id`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t8`.`message_id`,
                      `t8`.`type`,
                      `t8`.`event`,
                      `t8`.`name`,
                      `t8`.`user_id`,
                      `t8`.`anonymous_id`,
                      `t8`.`group_id`,
                      `t8`.`previous_id`,
                      `t8`.`timestamp`,
                      `t8`.`original_timestamp`,
                      `t8`.`sent_at`,
                      `t8`.`received_at`,
                      `t8`.`properties`,
                      `t8`.`traits`,
                      `t8`.`context`,
                      `t8`.`source`,
                      `t8`.`loaded_at`,
                      COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                      (
                        `t8`.`user_id` IS NOT NULL
                      ) OR (
                        `t42`.`s_person` IS NOT NULL
                      ) AS `is_known`
                    FROM (
                      SELECT
                        `t0`.`message_id`,
                        `t0`.`type`,
                        `t0`.`event`,
                        `t0`.`name`,
                        `t0`.`user_id`,
                        `t0`.`anonymous_id`,
                        `t0`.`group_id`,
                        `t0`.`previous_id`,
                        `t0`.`timestamp`,
                        `t0`.`original_timestamp`,
                        `t0`.`sent_at`,
                        `t0`.`received_at`,
                        `t0`.`properties`,
                        `t0`.`traits`,
                        `t0`.`context`,
                        `t0`.`source`,
                        `t0`.`loaded_at`,
                        COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                      FROM `events` AS `t0`
                      WHERE
                        `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                    ) AS `t8`
                    LEFT OUTER JOIN (
                      SELECT
                        `t40`.`from_id` AS `s_from`,
                        `t40`.`person_id` AS `s_person`
                      FROM (
                        SELECT
                          `t36`.`from_id`,
                          COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                        FROM (
                          SELECT
                            `t24`.`from_id`,
                            COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t20`.`from_id`,
                              `t20`.`to_id` AS `person_id`
                            FROM `t19` AS `t20`
                            WHERE
                              `t20`.`rank` = 0
                          ) AS `t24`
                          LEFT OUTER JOIN (
                            SELECT
                              `t27`.`from_id` AS `next_from`,
                              `t27`.`to_id` AS `next_to`
                            FROM `t22` AS `t27`
                          ) AS `t32`
                            ON `t24`.`person_id` = `t32`.`next_from`
                        ) AS `t36`
                        LEFT OUTER JOIN (
                          SELECT
                            `t26`.`from_id` AS `next_from`,
                            `t26`.`to_id` AS `next_to`
                          FROM `t22` AS `t26`
                        ) AS `t31`
                          ON `t36`.`person_id` = `t31`.`next_from`
                      ) AS `t40`
                    ) AS `t42`
                      ON `t8`.`_sender` = `t42`.`s_from`
                  ) AS `t43`
                  WHERE
                    `t43`.`is_known`
                ) AS `t47`
                LEFT OUTER JOIN (
                  SELECT
                    `t60`.`user_id` AS `m_user`,
                    `t60`.`account_id`,
                    `t60`.`email_domain`
                  FROM `t59` AS `t60`
                ) AS `t65`
                  ON `t47`.`person_id` = `t65`.`m_user`
              ) AS `t70`
              WHERE
                `t70`.`type` = 'track' AND `t70`.`event` IN ('Subscription Started')
            ) AS `t72`
            UNION
            SELECT
              *
            FROM (
              SELECT
                `t68`.`m_user` AS `key`
              FROM (
                SELECT
                  `t60`.`user_id` AS `m_user`,
                  `t60`.`account_id`,
                  `t60`.`email_domain`,
                  `t60`.`first_seen`,
                  `t60`.`last_seen`
                FROM `t59` AS `t60`
                WHERE
                  `t60`.`account_id` IS NOT NULL
              ) AS `t68`
              INNER JOIN (
                SELECT DISTINCT
                  `t70`.`account_id` AS `acc`
                FROM (
                  SELECT
                    `t47`.`message_id`,
                    `t47`.`type`,
                    `t47`.`event`,
                    `t47`.`name`,
                    `t47`.`user_id`,
                    `t47`.`anonymous_id`,
                    `t47`.`group_id`,
                    `t47`.`previous_id`,
                    `t47`.`timestamp`,
                    `t47`.`original_timestamp`,
                    `t47`.`sent_at`,
                    `t47`.`received_at`,
                    `t47`.`properties`,
                    `t47`.`traits`,
                    `t47`.`context`,
                    `t47`.`source`,
                    `t47`.`loaded_at`,
                    `t47`.`person_id`,
                    `t65`.`account_id`,
                    `t65`.`email_domain`,
                    `t47`.`person_id` AS `entity_id`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t8`.`message_id`,
                        `t8`.`type`,
                        `t8`.`event`,
                        `t8`.`name`,
                        `t8`.`user_id`,
                        `t8`.`anonymous_id`,
                        `t8`.`group_id`,
                        `t8`.`previous_id`,
                        `t8`.`timestamp`,
                        `t8`.`original_timestamp`,
                        `t8`.`sent_at`,
                        `t8`.`received_at`,
                        `t8`.`properties`,
                        `t8`.`traits`,
                        `t8`.`context`,
                        `t8`.`source`,
                        `t8`.`loaded_at`,
                        COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                        (
                          `t8`.`user_id` IS NOT NULL
                        ) OR (
                          `t42`.`s_person` IS NOT NULL
                        ) AS `is_known`
                      FROM (
                        SELECT
                          `t0`.`message_id`,
                          `t0`.`type`,
                          `t0`.`event`,
                          `t0`.`name`,
                          `t0`.`user_id`,
                          `t0`.`anonymous_id`,
                          `t0`.`group_id`,
                          `t0`.`previous_id`,
                          `t0`.`timestamp`,
                          `t0`.`original_timestamp`,
                          `t0`.`sent_at`,
                          `t0`.`received_at`,
                          `t0`.`properties`,
                          `t0`.`traits`,
                          `t0`.`context`,
                          `t0`.`source`,
                          `t0`.`loaded_at`,
                          COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                        FROM `events` AS `t0`
                        WHERE
                          `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                      ) AS `t8`
                      LEFT OUTER JOIN (
                        SELECT
                          `t40`.`from_id` AS `s_from`,
                          `t40`.`person_id` AS `s_person`
                        FROM (
                          SELECT
                            `t36`.`from_id`,
                            COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t24`.`from_id`,
                              COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t20`.`from_id`,
                                `t20`.`to_id` AS `person_id`
                              FROM `t19` AS `t20`
                              WHERE
                                `t20`.`rank` = 0
                            ) AS `t24`
                            LEFT OUTER JOIN (
                              SELECT
                                `t27`.`from_id` AS `next_from`,
                                `t27`.`to_id` AS `next_to`
                              FROM `t22` AS `t27`
                            ) AS `t32`
                              ON `t24`.`person_id` = `t32`.`next_from`
                          ) AS `t36`
                          LEFT OUTER JOIN (
                            SELECT
                              `t26`.`from_id` AS `next_from`,
                              `t26`.`to_id` AS `next_to`
                            FROM `t22` AS `t26`
                          ) AS `t31`
                            ON `t36`.`person_id` = `t31`.`next_from`
                        ) AS `t40`
                      ) AS `t42`
                        ON `t8`.`_sender` = `t42`.`s_from`
                    ) AS `t43`
                    WHERE
                      `t43`.`is_known`
                  ) AS `t47`
                  LEFT OUTER JOIN (
                    SELECT
                      `t60`.`user_id` AS `m_user`,
                      `t60`.`account_id`,
                      `t60`.`email_domain`
                    FROM `t59` AS `t60`
                  ) AS `t65`
                    ON `t47`.`person_id` = `t65`.`m_user`
                ) AS `t70`
                WHERE
                  `t70`.`type` = 'track'
                  AND `t70`.`event` IN ('Subscription Started')
                  AND `t70`.`account_id` IS NOT NULL
              ) AS `t76`
                ON `t68`.`account_id` = `t76`.`acc`
            ) AS `t79`
          ) AS `t80`
        ) AS `t84`
          ON `t101`.`entity_id` = `t84`.`key`
      ) AS `t103`
      WHERE
        NOT (
          `t103`.`paying`
        )
    ) AS `t105`
  ) AS `t107`
) AS `t109`;
