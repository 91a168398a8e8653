WITH `t15` AS (
  SELECT
    `t13`.`from_id`,
    `t13`.`to_id`,
    `t13`.`linked_at`,
    ROW_NUMBER() OVER (
      PARTITION BY `t13`.`from_id`
      ORDER BY `t13`.`linked_at` ASC NULLS LAST, `t13`.`to_id` ASC NULLS LAST
    ) - 1 AS `rank`
  FROM (
    SELECT
      `t10`.`from_id`,
      `t10`.`to_id`,
      MIN(`t10`.`at`) AS `linked_at`
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
        ) AS `t3`
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
        ) AS `t4`
      ) AS `t8`
      WHERE
        `t8`.`from_id` <> `t8`.`to_id`
    ) AS `t10`
    GROUP BY
      1,
      2
  ) AS `t13`
), `t19` AS (
  SELECT
    `t16`.`from_id`,
    `t16`.`to_id`,
    `t16`.`linked_at`
  FROM `t15` AS `t16`
  WHERE
    `t16`.`rank` = 0
), `t40` AS (
  SELECT
    `t7`.`type`,
    `t7`.`timestamp`,
    `t7`.`user_id`,
    `t7`.`anonymous_id`,
    `t7`.`group_id`,
    `t7`.`traits`,
    COALESCE(`t38`.`s_person`, `t7`.`_sender`) AS `person_id`,
    (
      `t7`.`user_id` IS NOT NULL
    ) OR (
      `t38`.`s_person` IS NOT NULL
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
  ) AS `t7`
  LEFT OUTER JOIN (
    SELECT
      `t36`.`from_id` AS `s_from`,
      `t36`.`person_id` AS `s_person`
    FROM (
      SELECT
        `t34`.`from_id`,
        COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
      FROM (
        SELECT
          `t20`.`from_id`,
          COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
        FROM (
          SELECT
            `t16`.`from_id`,
            `t16`.`to_id` AS `person_id`
          FROM `t15` AS `t16`
          WHERE
            `t16`.`rank` = 0
        ) AS `t20`
        LEFT OUTER JOIN (
          SELECT
            `t24`.`from_id` AS `next_from`,
            `t24`.`to_id` AS `next_to`
          FROM `t19` AS `t24`
        ) AS `t28`
          ON `t20`.`person_id` = `t28`.`next_from`
      ) AS `t34`
      LEFT OUTER JOIN (
        SELECT
          `t23`.`from_id` AS `next_from`,
          `t23`.`to_id` AS `next_to`
        FROM `t19` AS `t23`
      ) AS `t27`
        ON `t34`.`person_id` = `t27`.`next_from`
    ) AS `t36`
  ) AS `t38`
    ON `t7`.`_sender` = `t38`.`s_from`
), `t55` AS (
  SELECT
    `t54`.`user_id`,
    `t54`.`email`,
    `t54`.`email_domain`,
    `t54`.`first_seen`,
    `t54`.`last_seen`,
    COALESCE(
      `t54`.`group_account`,
      `t33`.`domain_account`,
      IF(
        (
          `t54`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t54`.`email_domain` IN (
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
        CONCAT('domain:', `t54`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t54`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t33`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t54`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t54`.`email_domain` IN (
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
        CONCAT('domain:', `t54`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t51`.`user_id`,
      `t51`.`first_seen`,
      `t51`.`last_seen`,
      `t51`.`group_account`,
      `t51`.`email`,
      NULLIF(
        IF(
          (
            LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`))) - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`)),
            IF(
              (
                (
                  LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`))) - 1
                ) + 1 + 1
              ) >= 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`))) - 1
              ) + 1 + 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`))) - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(' \t\n\r\v\f' FROM `t51`.`email`)))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        `t47`.`user_id`,
        `t47`.`first_seen`,
        `t47`.`last_seen`,
        `t47`.`group_account`,
        `t49`.`email`
      FROM (
        SELECT
          `t44`.`person_id` AS `user_id`,
          MIN(`t44`.`timestamp`) AS `first_seen`,
          MAX(`t44`.`timestamp`) AS `last_seen`,
          MAX_BY(
            IF(`t44`.`group_id` IS NOT NULL, `t44`.`group_id`, NULL),
            IF(`t44`.`group_id` IS NOT NULL, `t44`.`timestamp`, NULL)
          ) AS `group_account`
        FROM (
          SELECT
            *
          FROM `t40` AS `t41`
          WHERE
            `t41`.`is_known`
        ) AS `t44`
        GROUP BY
          1
      ) AS `t47`
      LEFT OUTER JOIN (
        SELECT
          `t45`.`e_user`,
          MAX_BY(
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t45`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t45`.`traits`, FORMAT_STRING('$.%s', 'email'))),
              NULL
            ),
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t45`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              `t45`.`timestamp`,
              NULL
            )
          ) AS `email`
        FROM (
          SELECT
            `t41`.`type`,
            `t41`.`timestamp`,
            `t41`.`user_id`,
            `t41`.`anonymous_id`,
            `t41`.`group_id`,
            `t41`.`traits`,
            `t41`.`person_id`,
            `t41`.`is_known`,
            `t41`.`person_id` AS `e_user`
          FROM `t40` AS `t41`
          WHERE
            `t41`.`is_known`
            AND `t41`.`type` <> 'group'
            AND `t41`.`traits` IS NOT NULL
            AND `t41`.`person_id` IS NOT NULL
        ) AS `t45`
        GROUP BY
          1
      ) AS `t49`
        ON `t47`.`user_id` = `t49`.`e_user`
    ) AS `t51`
  ) AS `t54`
  LEFT OUTER JOIN (
    SELECT
      `t29`.`domain`,
      `t29`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t22`.`group_id`,
        `t22`.`since`,
        `t22`.`domain`,
        ROW_NUMBER() OVER (
          PARTITION BY `t22`.`domain`
          ORDER BY `t22`.`since` ASC NULLS LAST, `t22`.`group_id` ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t11`.`group_id`,
            `t11`.`since`,
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(' \t\n\r\v\f' FROM COALESCE(`t11`.`domain`, `t11`.`website`))),
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
              `t9`.`group_id`,
              MIN(`t9`.`timestamp`) AS `since`,
              MAX_BY(
                IF(`t9`.`domain` IS NOT NULL, `t9`.`domain`, NULL),
                IF(`t9`.`domain` IS NOT NULL, `t9`.`timestamp`, NULL)
              ) AS `domain`,
              MAX_BY(
                IF(`t9`.`website` IS NOT NULL, `t9`.`website`, NULL),
                IF(`t9`.`website` IS NOT NULL, `t9`.`timestamp`, NULL)
              ) AS `website`
            FROM (
              SELECT
                `t0`.`group_id`,
                `t0`.`timestamp`,
                UNWRAP_JSON_STR(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'domain'))) AS `domain`,
                UNWRAP_JSON_STR(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'website'))) AS `website`
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
            ) AS `t9`
            GROUP BY
              1
          ) AS `t11`
        ) AS `t17`
        WHERE
          `t17`.`domain` IS NOT NULL
      ) AS `t22`
    ) AS `t29`
    WHERE
      `t29`.`rank` = 0
  ) AS `t33`
    ON `t54`.`email_domain` = `t33`.`domain`
)
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
  `t105`.`l__activation`,
  `t105`.`l__usage`,
  `t105`.`l__firmographic`,
  `t105`.`l__intent`,
  `t105`.`score`,
  CASE
    WHEN `t105`.`score` >= 70.0
    THEN 'hot'
    WHEN `t105`.`score` >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS `tier`,
  'user' AS `entity_type`,
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS `as_of`
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
    `t103`.`p__activation__0`,
    `t103`.`p__activation__1`,
    `t103`.`p__usage__0`,
    `t103`.`p__usage__1`,
    `t103`.`p__firmographic__0`,
    `t103`.`p__firmographic__1`,
    `t103`.`p__intent__0`,
    `t103`.`p__intent__1`,
    `t103`.`p__intent__2`,
    `t103`.`l__activation`,
    `t103`.`l__usage`,
    `t103`.`l__firmographic`,
    `t103`.`l__intent`,
    `t103`.`l__activation` + `t103`.`l__usage` + `t103`.`l__firmographic` + `t103`.`l__intent` AS `score`
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
      `t101`.`paying`,
      `t101`.`p__activation__0`,
      `t101`.`p__activation__1`,
      `t101`.`p__usage__0`,
      `t101`.`p__usage__1`,
      `t101`.`p__firmographic__0`,
      `t101`.`p__firmographic__1`,
      `t101`.`p__intent__0`,
      `t101`.`p__intent__1`,
      `t101`.`p__intent__2`,
      LEAST(`t101`.`p__activation__0` + `t101`.`p__activation__1`, CAST(30 AS DOUBLE)) AS `l__activation`,
      LEAST(`t101`.`p__usage__0` + `t101`.`p__usage__1`, CAST(30 AS DOUBLE)) AS `l__usage`,
      LEAST(`t101`.`p__firmographic__0` + `t101`.`p__firmographic__1`, CAST(25 AS DOUBLE)) AS `l__firmographic`,
      LEAST(
        `t101`.`p__intent__0` + `t101`.`p__intent__1` + `t101`.`p__intent__2`,
        CAST(30 AS DOUBLE)
      ) AS `l__intent`
    FROM (
      SELECT
        `t99`.`entity_id`,
        `t99`.`account_id`,
        `t99`.`first_seen`,
        `t99`.`last_seen`,
        `t99`.`s__activated`,
        `t99`.`s__activated_within_7d`,
        `t99`.`s__core_feature_30d`,
        `t99`.`s__paywall_hits_30d`,
        `t99`.`s__enterprise_views_30d`,
        `t99`.`s__teammates_invited`,
        `t99`.`s__sessions_14d`,
        `t99`.`s__employees`,
        `t99`.`s__industry`,
        `t99`.`paying`,
        IF(COALESCE(`t99`.`s__activated`, FALSE), CAST(20 AS DOUBLE), CAST(0 AS DOUBLE)) AS `p__activation__0`,
        IF(
          COALESCE(`t99`.`s__activated_within_7d`, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__activation__1`,
        COALESCE(
          CASE
            WHEN (
              `t99`.`s__sessions_14d` >= 3.0
            ) AND (
              `t99`.`s__sessions_14d` <= 6.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN `t99`.`s__sessions_14d` >= 7.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS `p__usage__0`,
        IF(
          COALESCE(`t99`.`s__core_feature_30d` >= 5.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__usage__1`,
        COALESCE(
          CASE
            WHEN (
              `t99`.`s__employees` >= 50.0
            ) AND (
              `t99`.`s__employees` <= 199.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN `t99`.`s__employees` >= 200.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS `p__firmographic__0`,
        IF(
          COALESCE(`t99`.`s__industry` IN ('Software', 'Financial Services', 'Healthcare'), FALSE),
          CAST(5 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__firmographic__1`,
        IF(
          COALESCE(`t99`.`s__paywall_hits_30d` >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__0`,
        IF(
          COALESCE(`t99`.`s__enterprise_views_30d` >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__1`,
        IF(
          COALESCE(`t99`.`s__teammates_invited` >= 2.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS `p__intent__2`
      FROM (
        SELECT
          `t97`.`entity_id`,
          `t97`.`account_id`,
          `t97`.`first_seen`,
          `t97`.`last_seen`,
          `t97`.`s__activated`,
          `t97`.`s__activated_within_7d`,
          `t97`.`s__core_feature_30d`,
          `t97`.`s__paywall_hits_30d`,
          `t97`.`s__enterprise_views_30d`,
          `t97`.`s__teammates_invited`,
          `t97`.`s__sessions_14d`,
          `t97`.`s__employees`,
          `t97`.`s__industry`,
          `t80`.`key` IS NOT NULL AS `paying`
        FROM (
          SELECT
            `t94`.`entity_id`,
            `t94`.`account_id`,
            `t94`.`first_seen`,
            `t94`.`last_seen`,
            `t94`.`s__activated`,
            `t94`.`s__activated_within_7d`,
            `t94`.`s__core_feature_30d`,
            `t94`.`s__paywall_hits_30d`,
            `t94`.`s__enterprise_views_30d`,
            `t94`.`s__teammates_invited`,
            `t94`.`s__sessions_14d`,
            `t14`.`s__employees`,
            `t14`.`s__industry`
          FROM (
            SELECT
              `t91`.`entity_id`,
              `t91`.`account_id`,
              `t91`.`first_seen`,
              `t91`.`last_seen`,
              `t91`.`s__activated`,
              `t91`.`s__activated_within_7d`,
              `t91`.`s__core_feature_30d`,
              `t91`.`s__paywall_hits_30d`,
              `t91`.`s__enterprise_views_30d`,
              `t91`.`s__teammates_invited`,
              COALESCE(`t86`.`s__sessions_14d`, 0) AS `s__sessions_14d`
            FROM (
              SELECT
                `t63`.`entity_id`,
                `t63`.`account_id`,
                `t63`.`first_seen`,
                `t63`.`last_seen`,
                COALESCE(`t88`.`s__activated`, FALSE) AS `s__activated`,
                COALESCE(`t88`.`s__activated_within_7d`, FALSE) AS `s__activated_within_7d`,
                COALESCE(`t88`.`s__core_feature_30d`, 0) AS `s__core_feature_30d`,
                COALESCE(`t88`.`s__paywall_hits_30d`, 0) AS `s__paywall_hits_30d`,
                COALESCE(`t88`.`s__enterprise_views_30d`, 0) AS `s__enterprise_views_30d`,
                COALESCE(`t88`.`s__teammates_invited`, 0) AS `s__teammates_invited`
              FROM (
                SELECT
                  `t56`.`user_id` AS `entity_id`,
                  `t56`.`account_id`,
                  `t56`.`first_seen`,
                  `t56`.`last_seen`
                FROM `t55` AS `t56`
              ) AS `t63`
              LEFT OUTER JOIN (
                SELECT
                  `t84`.`entity_id` AS `key`,
                  (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      ) AND `t84`.`event` IN ('Project Created') AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      ) AND `t84`.`event` IN ('Data Source Connected') AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      ) AND `t84`.`event` IN ('Dashboard Created') AS BIGINT)
                    ) >= 1
                  ) AS `s__activated`,
                  (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      )
                      AND `t84`.`event` IN ('Project Created')
                      AND (
                        `t84`.`timestamp` < (
                          `t84`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      )
                      AND `t84`.`event` IN ('Data Source Connected')
                      AND (
                        `t84`.`timestamp` < (
                          `t84`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  )
                  AND (
                    SUM(
                      CAST((
                        `t84`.`type` = 'track'
                      )
                      AND `t84`.`event` IN ('Dashboard Created')
                      AND (
                        `t84`.`timestamp` < (
                          `t84`.`start` + INTERVAL '604800' SECOND
                        )
                      ) AS BIGINT)
                    ) >= 1
                  ) AS `s__activated_within_7d`,
                  SUM(
                    CAST((
                      `t84`.`type` = 'track'
                    )
                    AND `t84`.`event` IN ('Report Created')
                    AND (
                      `t84`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__core_feature_30d`,
                  SUM(
                    CAST((
                      `t84`.`type` = 'track'
                    )
                    AND `t84`.`event` IN ('Paywall Hit')
                    AND (
                      `t84`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__paywall_hits_30d`,
                  SUM(
                    CAST((
                      `t84`.`type` = 'track'
                    )
                    AND `t84`.`event` IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      UNWRAP_JSON_STR(GET_JSON_OBJECT(`t84`.`properties`, FORMAT_STRING('$.%s', 'feature'))) IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                      FALSE
                    )
                    AND (
                      `t84`.`timestamp` >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__enterprise_views_30d`,
                  SUM(
                    CAST((
                      `t84`.`type` = 'track'
                    ) AND `t84`.`event` IN ('Invite Sent') AND TRUE AS BIGINT)
                  ) AS `s__teammates_invited`
                FROM (
                  SELECT
                    `t67`.`message_id`,
                    `t67`.`type`,
                    `t67`.`event`,
                    `t67`.`name`,
                    `t67`.`user_id`,
                    `t67`.`anonymous_id`,
                    `t67`.`group_id`,
                    `t67`.`previous_id`,
                    `t67`.`timestamp`,
                    `t67`.`original_timestamp`,
                    `t67`.`sent_at`,
                    `t67`.`received_at`,
                    `t67`.`properties`,
                    `t67`.`traits`,
                    `t67`.`context`,
                    `t67`.`source`,
                    `t67`.`loaded_at`,
                    `t67`.`person_id`,
                    `t67`.`account_id`,
                    `t67`.`email_domain`,
                    `t67`.`entity_id`,
                    `t79`.`start`
                  FROM (
                    SELECT
                      `t43`.`message_id`,
                      `t43`.`type`,
                      `t43`.`event`,
                      `t43`.`name`,
                      `t43`.`user_id`,
                      `t43`.`anonymous_id`,
                      `t43`.`group_id`,
                      `t43`.`previous_id`,
                      `t43`.`timestamp`,
                      `t43`.`original_timestamp`,
                      `t43`.`sent_at`,
                      `t43`.`received_at`,
                      `t43`.`properties`,
                      `t43`.`traits`,
                      `t43`.`context`,
                      `t43`.`source`,
                      `t43`.`loaded_at`,
                      `t43`.`person_id`,
                      `t61`.`account_id`,
                      `t61`.`email_domain`,
                      `t43`.`person_id` AS `entity_id`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t6`.`message_id`,
                          `t6`.`type`,
                          `t6`.`event`,
                          `t6`.`name`,
                          `t6`.`user_id`,
                          `t6`.`anonymous_id`,
                          `t6`.`group_id`,
                          `t6`.`previous_id`,
                          `t6`.`timestamp`,
                          `t6`.`original_timestamp`,
                          `t6`.`sent_at`,
                          `t6`.`received_at`,
                          `t6`.`properties`,
                          `t6`.`traits`,
                          `t6`.`context`,
                          `t6`.`source`,
                          `t6`.`loaded_at`,
                          COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                          (
                            `t6`.`user_id` IS NOT NULL
                          ) OR (
                            `t38`.`s_person` IS NOT NULL
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
                        ) AS `t6`
                        LEFT OUTER JOIN (
                          SELECT
                            `t36`.`from_id` AS `s_from`,
                            `t36`.`person_id` AS `s_person`
                          FROM (
                            SELECT
                              `t34`.`from_id`,
                              COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t20`.`from_id`,
                                COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t16`.`from_id`,
                                  `t16`.`to_id` AS `person_id`
                                FROM `t15` AS `t16`
                                WHERE
                                  `t16`.`rank` = 0
                              ) AS `t20`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t24`.`from_id` AS `next_from`,
                                  `t24`.`to_id` AS `next_to`
                                FROM `t19` AS `t24`
                              ) AS `t28`
                                ON `t20`.`person_id` = `t28`.`next_from`
                            ) AS `t34`
                            LEFT OUTER JOIN (
                              SELECT
                                `t23`.`from_id` AS `next_from`,
                                `t23`.`to_id` AS `next_to`
                              FROM `t19` AS `t23`
                            ) AS `t27`
                              ON `t34`.`person_id` = `t27`.`next_from`
                          ) AS `t36`
                        ) AS `t38`
                          ON `t6`.`_sender` = `t38`.`s_from`
                      ) AS `t39`
                      WHERE
                        `t39`.`is_known`
                    ) AS `t43`
                    LEFT OUTER JOIN (
                      SELECT
                        `t56`.`user_id` AS `m_user`,
                        `t56`.`account_id`,
                        `t56`.`email_domain`
                      FROM `t55` AS `t56`
                    ) AS `t61`
                      ON `t43`.`person_id` = `t61`.`m_user`
                  ) AS `t67`
                  LEFT OUTER JOIN (
                    SELECT
                      `t62`.`f_key` AS `st_key`,
                      COALESCE(`t74`.`s_at`, `t62`.`f_at`) AS `start`
                    FROM (
                      SELECT
                        `t56`.`user_id` AS `f_key`,
                        `t56`.`first_seen` AS `f_at`
                      FROM `t55` AS `t56`
                    ) AS `t62`
                    LEFT OUTER JOIN (
                      SELECT
                        `t69`.`entity_id` AS `s_key`,
                        MIN(`t69`.`timestamp`) AS `s_at`
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t43`.`message_id`,
                            `t43`.`type`,
                            `t43`.`event`,
                            `t43`.`name`,
                            `t43`.`user_id`,
                            `t43`.`anonymous_id`,
                            `t43`.`group_id`,
                            `t43`.`previous_id`,
                            `t43`.`timestamp`,
                            `t43`.`original_timestamp`,
                            `t43`.`sent_at`,
                            `t43`.`received_at`,
                            `t43`.`properties`,
                            `t43`.`traits`,
                            `t43`.`context`,
                            `t43`.`source`,
                            `t43`.`loaded_at`,
                            `t43`.`person_id`,
                            `t61`.`account_id`,
                            `t61`.`email_domain`,
                            `t43`.`person_id` AS `entity_id`
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                `t6`.`message_id`,
                                `t6`.`type`,
                                `t6`.`event`,
                                `t6`.`name`,
                                `t6`.`user_id`,
                                `t6`.`anonymous_id`,
                                `t6`.`group_id`,
                                `t6`.`previous_id`,
                                `t6`.`timestamp`,
                                `t6`.`original_timestamp`,
                                `t6`.`sent_at`,
                                `t6`.`received_at`,
                                `t6`.`properties`,
                                `t6`.`traits`,
                                `t6`.`context`,
                                `t6`.`source`,
                                `t6`.`loaded_at`,
                                COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                                (
                                  `t6`.`user_id` IS NOT NULL
                                ) OR (
                                  `t38`.`s_person` IS NOT NULL
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
                              ) AS `t6`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t36`.`from_id` AS `s_from`,
                                  `t36`.`person_id` AS `s_person`
                                FROM (
                                  SELECT
                                    `t34`.`from_id`,
                                    COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                                  FROM (
                                    SELECT
                                      `t20`.`from_id`,
                                      COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                                    FROM (
                                      SELECT
                                        `t16`.`from_id`,
                                        `t16`.`to_id` AS `person_id`
                                      FROM `t15` AS `t16`
                                      WHERE
                                        `t16`.`rank` = 0
                                    ) AS `t20`
                                    LEFT OUTER JOIN (
                                      SELECT
                                        `t24`.`from_id` AS `next_from`,
                                        `t24`.`to_id` AS `next_to`
                                      FROM `t19` AS `t24`
                                    ) AS `t28`
                                      ON `t20`.`person_id` = `t28`.`next_from`
                                  ) AS `t34`
                                  LEFT OUTER JOIN (
                                    SELECT
                                      `t23`.`from_id` AS `next_from`,
                                      `t23`.`to_id` AS `next_to`
                                    FROM `t19` AS `t23`
                                  ) AS `t27`
                                    ON `t34`.`person_id` = `t27`.`next_from`
                                ) AS `t36`
                              ) AS `t38`
                                ON `t6`.`_sender` = `t38`.`s_from`
                            ) AS `t39`
                            WHERE
                              `t39`.`is_known`
                          ) AS `t43`
                          LEFT OUTER JOIN (
                            SELECT
                              `t56`.`user_id` AS `m_user`,
                              `t56`.`account_id`,
                              `t56`.`email_domain`
                            FROM `t55` AS `t56`
                          ) AS `t61`
                            ON `t43`.`person_id` = `t61`.`m_user`
                        ) AS `t66`
                        WHERE
                          `t66`.`type` = 'track' AND `t66`.`event` = 'Signed Up'
                      ) AS `t69`
                      GROUP BY
                        1
                    ) AS `t74`
                      ON `t62`.`f_key` = `t74`.`s_key`
                  ) AS `t79`
                    ON `t67`.`entity_id` = `t79`.`st_key`
                ) AS `t84`
                GROUP BY
                  1
              ) AS `t88`
                ON `t63`.`entity_id` = `t88`.`key`
            ) AS `t91`
            LEFT OUTER JOIN (
              SELECT
                `t82`.`key`,
                `t82`.`value` AS `s__sessions_14d`
              FROM (
                SELECT
                  `t81`.`key`,
                  SUM(`t81`.`new`) AS `value`
                FROM (
                  SELECT
                    `t71`.`entity_id` AS `key`,
                    IF(
                      (
                        LAG(`t71`.`timestamp`) OVER (PARTITION BY `t71`.`entity_id` ORDER BY `t71`.`timestamp` ASC NULLS LAST) IS NULL
                      )
                      OR (
                        (
                          UNIX_TIMESTAMP(CAST(`t71`.`timestamp` AS TIMESTAMP)) - UNIX_TIMESTAMP(
                            CAST(LAG(`t71`.`timestamp`) OVER (PARTITION BY `t71`.`entity_id` ORDER BY `t71`.`timestamp` ASC NULLS LAST) AS TIMESTAMP)
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
                        `t43`.`message_id`,
                        `t43`.`type`,
                        `t43`.`event`,
                        `t43`.`name`,
                        `t43`.`user_id`,
                        `t43`.`anonymous_id`,
                        `t43`.`group_id`,
                        `t43`.`previous_id`,
                        `t43`.`timestamp`,
                        `t43`.`original_timestamp`,
                        `t43`.`sent_at`,
                        `t43`.`received_at`,
                        `t43`.`properties`,
                        `t43`.`traits`,
                        `t43`.`context`,
                        `t43`.`source`,
                        `t43`.`loaded_at`,
                        `t43`.`person_id`,
                        `t61`.`account_id`,
                        `t61`.`email_domain`,
                        `t43`.`person_id` AS `entity_id`
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t6`.`message_id`,
                            `t6`.`type`,
                            `t6`.`event`,
                            `t6`.`name`,
                            `t6`.`user_id`,
                            `t6`.`anonymous_id`,
                            `t6`.`group_id`,
                            `t6`.`previous_id`,
                            `t6`.`timestamp`,
                            `t6`.`original_timestamp`,
                            `t6`.`sent_at`,
                            `t6`.`received_at`,
                            `t6`.`properties`,
                            `t6`.`traits`,
                            `t6`.`context`,
                            `t6`.`source`,
                            `t6`.`loaded_at`,
                            COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                            (
                              `t6`.`user_id` IS NOT NULL
                            ) OR (
                              `t38`.`s_person` IS NOT NULL
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
                          ) AS `t6`
                          LEFT OUTER JOIN (
                            SELECT
                              `t36`.`from_id` AS `s_from`,
                              `t36`.`person_id` AS `s_person`
                            FROM (
                              SELECT
                                `t34`.`from_id`,
                                COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t20`.`from_id`,
                                  COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                                FROM (
                                  SELECT
                                    `t16`.`from_id`,
                                    `t16`.`to_id` AS `person_id`
                                  FROM `t15` AS `t16`
                                  WHERE
                                    `t16`.`rank` = 0
                                ) AS `t20`
                                LEFT OUTER JOIN (
                                  SELECT
                                    `t24`.`from_id` AS `next_from`,
                                    `t24`.`to_id` AS `next_to`
                                  FROM `t19` AS `t24`
                                ) AS `t28`
                                  ON `t20`.`person_id` = `t28`.`next_from`
                              ) AS `t34`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t23`.`from_id` AS `next_from`,
                                  `t23`.`to_id` AS `next_to`
                                FROM `t19` AS `t23`
                              ) AS `t27`
                                ON `t34`.`person_id` = `t27`.`next_from`
                            ) AS `t36`
                          ) AS `t38`
                            ON `t6`.`_sender` = `t38`.`s_from`
                        ) AS `t39`
                        WHERE
                          `t39`.`is_known`
                      ) AS `t43`
                      LEFT OUTER JOIN (
                        SELECT
                          `t56`.`user_id` AS `m_user`,
                          `t56`.`account_id`,
                          `t56`.`email_domain`
                        FROM `t55` AS `t56`
                      ) AS `t61`
                        ON `t43`.`person_id` = `t61`.`m_user`
                    ) AS `t66`
                    WHERE
                      `t66`.`type` IN ('track', 'page', 'screen')
                      AND `t66`.`timestamp` >= CAST('2026-03-18T00:00:00' AS TIMESTAMP)
                  ) AS `t71`
                ) AS `t81`
                GROUP BY
                  1
              ) AS `t82`
            ) AS `t86`
              ON `t91`.`entity_id` = `t86`.`key`
          ) AS `t94`
          LEFT OUTER JOIN (
            SELECT
              `t5`.`group_id` AS `key`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                  AND NOT ISNAN(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                  ),
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'employees'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                  AND NOT ISNAN(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                  ),
                  `t5`.`timestamp`,
                  NULL
                )
              ) AS `s__employees`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'industry'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'industry'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t5`.`traits`, FORMAT_STRING('$.%s', 'industry'))) IS NOT NULL,
                  `t5`.`timestamp`,
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
            ) AS `t5`
            GROUP BY
              1
          ) AS `t14`
            ON `t94`.`account_id` = `t14`.`key`
        ) AS `t97`
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t66`.`entity_id` AS `key`
              FROM (
                SELECT
                  `t43`.`message_id`,
                  `t43`.`type`,
                  `t43`.`event`,
                  `t43`.`name`,
                  `t43`.`user_id`,
                  `t43`.`anonymous_id`,
                  `t43`.`group_id`,
                  `t43`.`previous_id`,
                  `t43`.`timestamp`,
                  `t43`.`original_timestamp`,
                  `t43`.`sent_at`,
                  `t43`.`received_at`,
                  `t43`.`properties`,
                  `t43`.`traits`,
                  `t43`.`context`,
                  `t43`.`source`,
                  `t43`.`loaded_at`,
                  `t43`.`person_id`,
                  `t61`.`account_id`,
                  `t61`.`email_domain`,
                  `t43`.`person_id` AS `entity_id`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t6`.`message_id`,
                      `t6`.`type`,
                      `t6`.`event`,
                      `t6`.`name`,
                      `t6`.`user_id`,
                      `t6`.`anonymous_id`,
                      `t6`.`group_id`,
                      `t6`.`previous_id`,
                      `t6`.`timestamp`,
                      `t6`.`original_timestamp`,
                      `t6`.`sent_at`,
                      `t6`.`received_at`,
                      `t6`.`properties`,
                      `t6`.`traits`,
                      `t6`.`context`,
                      `t6`.`source`,
                      `t6`.`loaded_at`,
                      COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                      (
                        `t6`.`user_id` IS NOT NULL
                      ) OR (
                        `t38`.`s_person` IS NOT NULL
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
                    ) AS `t6`
                    LEFT OUTER JOIN (
                      SELECT
                        `t36`.`from_id` AS `s_from`,
                        `t36`.`person_id` AS `s_person`
                      FROM (
                        SELECT
                          `t34`.`from_id`,
                          COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                        FROM (
                          SELECT
                            `t20`.`from_id`,
                            COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t16`.`from_id`,
                              `t16`.`to_id` AS `person_id`
                            FROM `t15` AS `t16`
                            WHERE
                              `t16`.`rank` = 0
                          ) AS `t20`
                          LEFT OUTER JOIN (
                            SELECT
                              `t24`.`from_id` AS `next_from`,
                              `t24`.`to_id` AS `next_to`
                            FROM `t19` AS `t24`
                          ) AS `t28`
                            ON `t20`.`person_id` = `t28`.`next_from`
                        ) AS `t34`
                        LEFT OUTER JOIN (
                          SELECT
                            `t23`.`from_id` AS `next_from`,
                            `t23`.`to_id` AS `next_to`
                          FROM `t19` AS `t23`
                        ) AS `t27`
                          ON `t34`.`person_id` = `t27`.`next_from`
                      ) AS `t36`
                    ) AS `t38`
                      ON `t6`.`_sender` = `t38`.`s_from`
                  ) AS `t39`
                  WHERE
                    `t39`.`is_known`
                ) AS `t43`
                LEFT OUTER JOIN (
                  SELECT
                    `t56`.`user_id` AS `m_user`,
                    `t56`.`account_id`,
                    `t56`.`email_domain`
                  FROM `t55` AS `t56`
                ) AS `t61`
                  ON `t43`.`person_id` = `t61`.`m_user`
              ) AS `t66`
              WHERE
                `t66`.`type` = 'track' AND `t66`.`event` IN ('Subscription Started')
            ) AS `t68`
            UNION
            SELECT
              *
            FROM (
              SELECT
                `t64`.`m_user` AS `key`
              FROM (
                SELECT
                  `t56`.`user_id` AS `m_user`,
                  `t56`.`account_id`,
                  `t56`.`email_domain`,
                  `t56`.`first_seen`,
                  `t56`.`last_seen`
                FROM `t55` AS `t56`
                WHERE
                  `t56`.`account_id` IS NOT NULL
              ) AS `t64`
              INNER JOIN (
                SELECT DISTINCT
                  `t66`.`account_id` AS `acc`
                FROM (
                  SELECT
                    `t43`.`message_id`,
                    `t43`.`type`,
                    `t43`.`event`,
                    `t43`.`name`,
                    `t43`.`user_id`,
                    `t43`.`anonymous_id`,
                    `t43`.`group_id`,
                    `t43`.`previous_id`,
                    `t43`.`timestamp`,
                    `t43`.`original_timestamp`,
                    `t43`.`sent_at`,
                    `t43`.`received_at`,
                    `t43`.`properties`,
                    `t43`.`traits`,
                    `t43`.`context`,
                    `t43`.`source`,
                    `t43`.`loaded_at`,
                    `t43`.`person_id`,
                    `t61`.`account_id`,
                    `t61`.`email_domain`,
                    `t43`.`person_id` AS `entity_id`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t6`.`message_id`,
                        `t6`.`type`,
                        `t6`.`event`,
                        `t6`.`name`,
                        `t6`.`user_id`,
                        `t6`.`anonymous_id`,
                        `t6`.`group_id`,
                        `t6`.`previous_id`,
                        `t6`.`timestamp`,
                        `t6`.`original_timestamp`,
                        `t6`.`sent_at`,
                        `t6`.`received_at`,
                        `t6`.`properties`,
                        `t6`.`traits`,
                        `t6`.`context`,
                        `t6`.`source`,
                        `t6`.`loaded_at`,
                        COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                        (
                          `t6`.`user_id` IS NOT NULL
                        ) OR (
                          `t38`.`s_person` IS NOT NULL
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
                      ) AS `t6`
                      LEFT OUTER JOIN (
                        SELECT
                          `t36`.`from_id` AS `s_from`,
                          `t36`.`person_id` AS `s_person`
                        FROM (
                          SELECT
                            `t34`.`from_id`,
                            COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t20`.`from_id`,
                              COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t16`.`from_id`,
                                `t16`.`to_id` AS `person_id`
                              FROM `t15` AS `t16`
                              WHERE
                                `t16`.`rank` = 0
                            ) AS `t20`
                            LEFT OUTER JOIN (
                              SELECT
                                `t24`.`from_id` AS `next_from`,
                                `t24`.`to_id` AS `next_to`
                              FROM `t19` AS `t24`
                            ) AS `t28`
                              ON `t20`.`person_id` = `t28`.`next_from`
                          ) AS `t34`
                          LEFT OUTER JOIN (
                            SELECT
                              `t23`.`from_id` AS `next_from`,
                              `t23`.`to_id` AS `next_to`
                            FROM `t19` AS `t23`
                          ) AS `t27`
                            ON `t34`.`person_id` = `t27`.`next_from`
                        ) AS `t36`
                      ) AS `t38`
                        ON `t6`.`_sender` = `t38`.`s_from`
                    ) AS `t39`
                    WHERE
                      `t39`.`is_known`
                  ) AS `t43`
                  LEFT OUTER JOIN (
                    SELECT
                      `t56`.`user_id` AS `m_user`,
                      `t56`.`account_id`,
                      `t56`.`email_domain`
                    FROM `t55` AS `t56`
                  ) AS `t61`
                    ON `t43`.`person_id` = `t61`.`m_user`
                ) AS `t66`
                WHERE
                  `t66`.`type` = 'track'
                  AND `t66`.`event` IN ('Subscription Started')
                  AND `t66`.`account_id` IS NOT NULL
              ) AS `t72`
                ON `t64`.`account_id` = `t72`.`acc`
            ) AS `t75`
          ) AS `t76`
        ) AS `t80`
          ON `t97`.`entity_id` = `t80`.`key`
      ) AS `t99`
      WHERE
        NOT (
          `t99`.`paying`
        )
    ) AS `t101`
  ) AS `t103`
) AS `t105`;
