WITH `t6` AS (
  SELECT
    *
  FROM `events` AS `t0`
  WHERE
    `t0`.`type` = 'group'
    AND `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
    AND `t0`.`traits` IS NOT NULL
    AND `t0`.`group_id` IS NOT NULL
), `t24` AS (
  SELECT
    `t16`.`from_id`,
    `t16`.`to_id`,
    `t16`.`linked_at`,
    ROW_NUMBER() OVER (PARTITION BY `t16`.`from_id` ORDER BY `t16`.`linked_at` ASC, `t16`.`to_id` ASC) - 1 AS `rank`
  FROM (
    SELECT
      `t14`.`from_id`,
      `t14`.`to_id`,
      MIN(`t14`.`at`) AS `linked_at`
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
            `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
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
            `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
            AND `t0`.`anonymous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t5`
      ) AS `t10`
      WHERE
        `t10`.`from_id` <> `t10`.`to_id`
    ) AS `t14`
    GROUP BY
      1,
      2
  ) AS `t16`
), `t27` AS (
  SELECT
    `t25`.`from_id`,
    `t25`.`to_id`,
    `t25`.`linked_at`
  FROM `t24` AS `t25`
  WHERE
    `t25`.`rank` = 0
), `t49` AS (
  SELECT
    `t9`.`type`,
    `t9`.`timestamp`,
    `t9`.`user_id`,
    `t9`.`anonymous_id`,
    `t9`.`group_id`,
    `t9`.`traits`,
    COALESCE(`t47`.`s_person`, `t9`.`_sender`) AS `person_id`,
    (
      `t9`.`user_id` IS NOT NULL
    ) OR (
      `t47`.`s_person` IS NOT NULL
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
      `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
  ) AS `t9`
  LEFT OUTER JOIN (
    SELECT
      `t45`.`from_id` AS `s_from`,
      `t45`.`person_id` AS `s_person`
    FROM (
      SELECT
        `t41`.`from_id`,
        COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
      FROM (
        SELECT
          `t29`.`from_id`,
          COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
        FROM (
          SELECT
            `t25`.`from_id`,
            `t25`.`to_id` AS `person_id`
          FROM `t24` AS `t25`
          WHERE
            `t25`.`rank` = 0
        ) AS `t29`
        LEFT OUTER JOIN (
          SELECT
            `t32`.`from_id` AS `next_from`,
            `t32`.`to_id` AS `next_to`
          FROM `t27` AS `t32`
        ) AS `t37`
          ON `t29`.`person_id` = `t37`.`next_from`
      ) AS `t41`
      LEFT OUTER JOIN (
        SELECT
          `t31`.`from_id` AS `next_from`,
          `t31`.`to_id` AS `next_to`
        FROM `t27` AS `t31`
      ) AS `t36`
        ON `t41`.`person_id` = `t36`.`next_from`
    ) AS `t45`
  ) AS `t47`
    ON `t9`.`_sender` = `t47`.`s_from`
), `t65` AS (
  SELECT
    `t64`.`user_id`,
    `t64`.`email`,
    `t64`.`email_domain`,
    `t64`.`first_seen`,
    `t64`.`last_seen`,
    COALESCE(
      `t64`.`group_account`,
      `t43`.`domain_account`,
      IF(
        (
          `t64`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t64`.`email_domain` IN (
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
        CONCAT('domain:', `t64`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t64`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t43`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t64`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t64`.`email_domain` IN (
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
        CONCAT('domain:', `t64`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t58`.`user_id`,
      `t58`.`first_seen`,
      `t58`.`last_seen`,
      `t59`.`group_account`,
      `t61`.`email`,
      NULLIF(
        IF(
          (
            INSTR(LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')), '@') - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')),
            IF(
              (
                (
                  INSTR(LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')), '@') - 1
                ) + 1 + 1
              ) >= 1,
              (
                INSTR(LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')), '@') - 1
              ) + 1 + 1,
              (
                INSTR(LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(`t61`.`email`, ' \t\n\r\v\f')))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        `t53`.`person_id` AS `user_id`,
        MIN(`t53`.`timestamp`) AS `first_seen`,
        MAX(`t53`.`timestamp`) AS `last_seen`
      FROM (
        SELECT
          *
        FROM `t49` AS `t50`
        WHERE
          `t50`.`is_known`
      ) AS `t53`
      GROUP BY
        1
    ) AS `t58`
    LEFT OUTER JOIN (
      SELECT
        `t54`.`person_id` AS `m_user`,
        MAX_BY(`t54`.`group_id`, `t54`.`timestamp`) AS `group_account`
      FROM (
        SELECT
          *
        FROM `t49` AS `t50`
        WHERE
          `t50`.`is_known` AND `t50`.`group_id` IS NOT NULL
      ) AS `t54`
      GROUP BY
        1
    ) AS `t59`
      ON `t58`.`user_id` = `t59`.`m_user`
    LEFT OUTER JOIN (
      SELECT
        `t55`.`e_user`,
        MAX_BY(
          IF(
            safe.string(`t55`.`traits`['email']) IS NOT NULL,
            safe.string(`t55`.`traits`['email']),
            NULL
          ),
          IF(safe.string(`t55`.`traits`['email']) IS NOT NULL, `t55`.`timestamp`, NULL)
        ) AS `email`
      FROM (
        SELECT
          `t50`.`type`,
          `t50`.`timestamp`,
          `t50`.`user_id`,
          `t50`.`anonymous_id`,
          `t50`.`group_id`,
          `t50`.`traits`,
          `t50`.`person_id`,
          `t50`.`is_known`,
          `t50`.`person_id` AS `e_user`
        FROM `t49` AS `t50`
        WHERE
          `t50`.`is_known`
          AND `t50`.`type` <> 'group'
          AND `t50`.`traits` IS NOT NULL
          AND `t50`.`person_id` IS NOT NULL
      ) AS `t55`
      GROUP BY
        1
    ) AS `t61`
      ON `t58`.`user_id` = `t61`.`e_user`
  ) AS `t64`
  LEFT OUTER JOIN (
    SELECT
      `t38`.`domain`,
      `t38`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t33`.`group_id`,
        `t33`.`since`,
        `t33`.`domain`,
        ROW_NUMBER() OVER (PARTITION BY `t33`.`domain` ORDER BY `t33`.`since` ASC, `t33`.`group_id` ASC) - 1 AS `rank`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t19`.`group_id`,
            `t13`.`since`,
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(COALESCE(`t19`.`domain`, `t19`.`website`), ' \t\n\r\v\f')),
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
                  safe.string(`t7`.`traits`['domain']) IS NOT NULL,
                  safe.string(`t7`.`traits`['domain']),
                  NULL
                ),
                IF(safe.string(`t7`.`traits`['domain']) IS NOT NULL, `t7`.`timestamp`, NULL)
              ) AS `domain`,
              MAX_BY(
                IF(
                  safe.string(`t7`.`traits`['website']) IS NOT NULL,
                  safe.string(`t7`.`traits`['website']),
                  NULL
                ),
                IF(safe.string(`t7`.`traits`['website']) IS NOT NULL, `t7`.`timestamp`, NULL)
              ) AS `website`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
                AND `t0`.`traits` IS NOT NULL
            ) AS `t7`
            GROUP BY
              1
          ) AS `t19`
          INNER JOIN (
            SELECT
              `t3`.`group_id` AS `fs_group`,
              MIN(`t3`.`timestamp`) AS `since`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
            ) AS `t3`
            GROUP BY
              1
          ) AS `t13`
            ON `t19`.`group_id` = `t13`.`fs_group`
        ) AS `t28`
        WHERE
          `t28`.`domain` IS NOT NULL
      ) AS `t33`
    ) AS `t38`
    WHERE
      `t38`.`rank` = 0
  ) AS `t43`
    ON `t64`.`email_domain` = `t43`.`domain`
)
SELECT
  `t118`.`entity_id`,
  `t118`.`account_id`,
  `t118`.`first_seen`,
  `t118`.`last_seen`,
  `t118`.`s__activated`,
  `t118`.`s__activated_within_7d`,
  `t118`.`s__core_feature_30d`,
  `t118`.`s__paywall_hits_30d`,
  `t118`.`s__enterprise_views_30d`,
  `t118`.`s__teammates_invited`,
  `t118`.`s__sessions_14d`,
  `t118`.`s__employees`,
  `t118`.`s__industry`,
  `t118`.`paying`,
  `t118`.`p__activation__0`,
  `t118`.`p__activation__1`,
  `t118`.`p__usage__0`,
  `t118`.`p__usage__1`,
  `t118`.`p__firmographic__0`,
  `t118`.`p__firmographic__1`,
  `t118`.`p__intent__0`,
  `t118`.`p__intent__1`,
  `t118`.`p__intent__2`,
  `t118`.`l__activation`,
  `t118`.`l__usage`,
  `t118`.`l__firmographic`,
  `t118`.`l__intent`,
  `t118`.`score`,
  CASE
    WHEN `t118`.`score` >= 70.0
    THEN 'hot'
    WHEN `t118`.`score` >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS `tier`,
  'user' AS `entity_type`,
  DATETIME('2026-04-01T00:00:00') AS `as_of`
FROM (
  SELECT
    `t116`.`entity_id`,
    `t116`.`account_id`,
    `t116`.`first_seen`,
    `t116`.`last_seen`,
    `t116`.`s__activated`,
    `t116`.`s__activated_within_7d`,
    `t116`.`s__core_feature_30d`,
    `t116`.`s__paywall_hits_30d`,
    `t116`.`s__enterprise_views_30d`,
    `t116`.`s__teammates_invited`,
    `t116`.`s__sessions_14d`,
    `t116`.`s__employees`,
    `t116`.`s__industry`,
    `t116`.`paying`,
    `t116`.`p__activation__0`,
    `t116`.`p__activation__1`,
    `t116`.`p__usage__0`,
    `t116`.`p__usage__1`,
    `t116`.`p__firmographic__0`,
    `t116`.`p__firmographic__1`,
    `t116`.`p__intent__0`,
    `t116`.`p__intent__1`,
    `t116`.`p__intent__2`,
    `t116`.`l__activation`,
    `t116`.`l__usage`,
    `t116`.`l__firmographic`,
    `t116`.`l__intent`,
    `t116`.`l__activation` + `t116`.`l__usage` + `t116`.`l__firmographic` + `t116`.`l__intent` AS `score`
  FROM (
    SELECT
      `t114`.`entity_id`,
      `t114`.`account_id`,
      `t114`.`first_seen`,
      `t114`.`last_seen`,
      `t114`.`s__activated`,
      `t114`.`s__activated_within_7d`,
      `t114`.`s__core_feature_30d`,
      `t114`.`s__paywall_hits_30d`,
      `t114`.`s__enterprise_views_30d`,
      `t114`.`s__teammates_invited`,
      `t114`.`s__sessions_14d`,
      `t114`.`s__employees`,
      `t114`.`s__industry`,
      `t114`.`paying`,
      `t114`.`p__activation__0`,
      `t114`.`p__activation__1`,
      `t114`.`p__usage__0`,
      `t114`.`p__usage__1`,
      `t114`.`p__firmographic__0`,
      `t114`.`p__firmographic__1`,
      `t114`.`p__intent__0`,
      `t114`.`p__intent__1`,
      `t114`.`p__intent__2`,
      LEAST(`t114`.`p__activation__0` + `t114`.`p__activation__1`, CAST(30 AS FLOAT64)) AS `l__activation`,
      LEAST(`t114`.`p__usage__0` + `t114`.`p__usage__1`, CAST(30 AS FLOAT64)) AS `l__usage`,
      LEAST(`t114`.`p__firmographic__0` + `t114`.`p__firmographic__1`, CAST(25 AS FLOAT64)) AS `l__firmographic`,
      LEAST(
        `t114`.`p__intent__0` + `t114`.`p__intent__1` + `t114`.`p__intent__2`,
        CAST(30 AS FLOAT64)
      ) AS `l__intent`
    FROM (
      SELECT
        `t112`.`entity_id`,
        `t112`.`account_id`,
        `t112`.`first_seen`,
        `t112`.`last_seen`,
        `t112`.`s__activated`,
        `t112`.`s__activated_within_7d`,
        `t112`.`s__core_feature_30d`,
        `t112`.`s__paywall_hits_30d`,
        `t112`.`s__enterprise_views_30d`,
        `t112`.`s__teammates_invited`,
        `t112`.`s__sessions_14d`,
        `t112`.`s__employees`,
        `t112`.`s__industry`,
        `t112`.`paying`,
        IF(COALESCE(`t112`.`s__activated`, FALSE), CAST(20 AS FLOAT64), CAST(0 AS FLOAT64)) AS `p__activation__0`,
        IF(
          COALESCE(`t112`.`s__activated_within_7d`, FALSE),
          CAST(10 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__activation__1`,
        COALESCE(
          CASE
            WHEN (
              `t112`.`s__sessions_14d` >= 3.0
            ) AND (
              `t112`.`s__sessions_14d` <= 6.0
            )
            THEN CAST(10 AS FLOAT64)
            WHEN `t112`.`s__sessions_14d` >= 7.0
            THEN CAST(20 AS FLOAT64)
            ELSE CAST(0 AS FLOAT64)
          END,
          CAST(0 AS FLOAT64)
        ) AS `p__usage__0`,
        IF(
          COALESCE(`t112`.`s__core_feature_30d` >= 5.0, FALSE),
          CAST(10 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__usage__1`,
        COALESCE(
          CASE
            WHEN (
              `t112`.`s__employees` >= 50.0
            ) AND (
              `t112`.`s__employees` <= 199.0
            )
            THEN CAST(10 AS FLOAT64)
            WHEN `t112`.`s__employees` >= 200.0
            THEN CAST(20 AS FLOAT64)
            ELSE CAST(0 AS FLOAT64)
          END,
          CAST(0 AS FLOAT64)
        ) AS `p__firmographic__0`,
        IF(
          COALESCE(`t112`.`s__industry` IN ('Software', 'Financial Services', 'Healthcare'), FALSE),
          CAST(5 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__firmographic__1`,
        IF(
          COALESCE(`t112`.`s__paywall_hits_30d` >= 1.0, FALSE),
          CAST(15 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__intent__0`,
        IF(
          COALESCE(`t112`.`s__enterprise_views_30d` >= 1.0, FALSE),
          CAST(15 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__intent__1`,
        IF(
          COALESCE(`t112`.`s__teammates_invited` >= 2.0, FALSE),
          CAST(10 AS FLOAT64),
          CAST(0 AS FLOAT64)
        ) AS `p__intent__2`
      FROM (
        SELECT
          `t110`.`entity_id`,
          `t110`.`account_id`,
          `t110`.`first_seen`,
          `t110`.`last_seen`,
          `t110`.`s__activated`,
          `t110`.`s__activated_within_7d`,
          `t110`.`s__core_feature_30d`,
          `t110`.`s__paywall_hits_30d`,
          `t110`.`s__enterprise_views_30d`,
          `t110`.`s__teammates_invited`,
          `t110`.`s__sessions_14d`,
          `t110`.`s__employees`,
          `t110`.`s__industry`,
          `t89`.`key` IS NOT NULL AS `paying`
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
            `t22`.`s__industry`
          FROM (
            SELECT
              `t104`.`entity_id`,
              `t104`.`account_id`,
              `t104`.`first_seen`,
              `t104`.`last_seen`,
              `t104`.`s__activated`,
              `t104`.`s__activated_within_7d`,
              `t104`.`s__core_feature_30d`,
              `t104`.`s__paywall_hits_30d`,
              `t104`.`s__enterprise_views_30d`,
              `t104`.`s__teammates_invited`,
              `t104`.`s__sessions_14d`,
              `t23`.`s__employees`
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
                COALESCE(`t101`.`s__sessions_14d`, 0) AS `s__sessions_14d`
              FROM (
                SELECT
                  `t73`.`entity_id`,
                  `t73`.`account_id`,
                  `t73`.`first_seen`,
                  `t73`.`last_seen`,
                  COALESCE(`t94`.`s__activated`, FALSE) AS `s__activated`,
                  COALESCE(`t94`.`s__activated_within_7d`, FALSE) AS `s__activated_within_7d`,
                  COALESCE(`t94`.`s__core_feature_30d`, 0) AS `s__core_feature_30d`,
                  COALESCE(`t94`.`s__paywall_hits_30d`, 0) AS `s__paywall_hits_30d`,
                  COALESCE(`t94`.`s__enterprise_views_30d`, 0) AS `s__enterprise_views_30d`,
                  COALESCE(`t94`.`s__teammates_invited`, 0) AS `s__teammates_invited`
                FROM (
                  SELECT
                    `t66`.`user_id` AS `entity_id`,
                    `t66`.`account_id`,
                    `t66`.`first_seen`,
                    `t66`.`last_seen`
                  FROM `t65` AS `t66`
                ) AS `t73`
                LEFT OUTER JOIN (
                  SELECT
                    `t91`.`entity_id` AS `key`,
                    (
                      COUNTIF((
                        `t91`.`type` = 'track'
                      ) AND `t91`.`event` IN ('Project Created')) >= 1
                    )
                    AND (
                      COUNTIF((
                        `t91`.`type` = 'track'
                      ) AND `t91`.`event` IN ('Data Source Connected')) >= 1
                    )
                    AND (
                      COUNTIF((
                        `t91`.`type` = 'track'
                      ) AND `t91`.`event` IN ('Dashboard Created')) >= 1
                    ) AS `s__activated`,
                    (
                      COUNTIF(
                        (
                          `t91`.`type` = 'track'
                        )
                        AND `t91`.`event` IN ('Project Created')
                        AND (
                          `t91`.`timestamp` < TIMESTAMP_ADD(`t91`.`start`, INTERVAL '604800' SECOND)
                        )
                      ) >= 1
                    )
                    AND (
                      COUNTIF(
                        (
                          `t91`.`type` = 'track'
                        )
                        AND `t91`.`event` IN ('Data Source Connected')
                        AND (
                          `t91`.`timestamp` < TIMESTAMP_ADD(`t91`.`start`, INTERVAL '604800' SECOND)
                        )
                      ) >= 1
                    )
                    AND (
                      COUNTIF(
                        (
                          `t91`.`type` = 'track'
                        )
                        AND `t91`.`event` IN ('Dashboard Created')
                        AND (
                          `t91`.`timestamp` < TIMESTAMP_ADD(`t91`.`start`, INTERVAL '604800' SECOND)
                        )
                      ) >= 1
                    ) AS `s__activated_within_7d`,
                    COUNTIF(
                      (
                        `t91`.`type` = 'track'
                      )
                      AND `t91`.`event` IN ('Report Created')
                      AND (
                        `t91`.`timestamp` >= DATETIME('2026-03-02T00:00:00')
                      )
                    ) AS `s__core_feature_30d`,
                    COUNTIF(
                      (
                        `t91`.`type` = 'track'
                      )
                      AND `t91`.`event` IN ('Paywall Hit')
                      AND (
                        `t91`.`timestamp` >= DATETIME('2026-03-02T00:00:00')
                      )
                    ) AS `s__paywall_hits_30d`,
                    COUNTIF(
                      (
                        `t91`.`type` = 'track'
                      )
                      AND `t91`.`event` IN ('Enterprise Feature Viewed')
                      AND COALESCE(
                        safe.string(`t91`.`properties`['feature']) IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                        FALSE
                      )
                      AND (
                        `t91`.`timestamp` >= DATETIME('2026-03-02T00:00:00')
                      )
                    ) AS `s__enterprise_views_30d`,
                    COUNTIF((
                      `t91`.`type` = 'track'
                    ) AND `t91`.`event` IN ('Invite Sent') AND TRUE) AS `s__teammates_invited`
                  FROM (
                    SELECT
                      `t77`.`message_id`,
                      `t77`.`type`,
                      `t77`.`event`,
                      `t77`.`name`,
                      `t77`.`user_id`,
                      `t77`.`anonymous_id`,
                      `t77`.`group_id`,
                      `t77`.`previous_id`,
                      `t77`.`timestamp`,
                      `t77`.`original_timestamp`,
                      `t77`.`sent_at`,
                      `t77`.`received_at`,
                      `t77`.`properties`,
                      `t77`.`traits`,
                      `t77`.`context`,
                      `t77`.`source`,
                      `t77`.`loaded_at`,
                      `t77`.`person_id`,
                      `t77`.`account_id`,
                      `t77`.`email_domain`,
                      `t77`.`entity_id`,
                      `t88`.`start`
                    FROM (
                      SELECT
                        `t52`.`message_id`,
                        `t52`.`type`,
                        `t52`.`event`,
                        `t52`.`name`,
                        `t52`.`user_id`,
                        `t52`.`anonymous_id`,
                        `t52`.`group_id`,
                        `t52`.`previous_id`,
                        `t52`.`timestamp`,
                        `t52`.`original_timestamp`,
                        `t52`.`sent_at`,
                        `t52`.`received_at`,
                        `t52`.`properties`,
                        `t52`.`traits`,
                        `t52`.`context`,
                        `t52`.`source`,
                        `t52`.`loaded_at`,
                        `t52`.`person_id`,
                        `t71`.`account_id`,
                        `t71`.`email_domain`,
                        `t52`.`person_id` AS `entity_id`
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
                            COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                            (
                              `t8`.`user_id` IS NOT NULL
                            ) OR (
                              `t47`.`s_person` IS NOT NULL
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
                              `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                          ) AS `t8`
                          LEFT OUTER JOIN (
                            SELECT
                              `t45`.`from_id` AS `s_from`,
                              `t45`.`person_id` AS `s_person`
                            FROM (
                              SELECT
                                `t41`.`from_id`,
                                COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t29`.`from_id`,
                                  COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                                FROM (
                                  SELECT
                                    `t25`.`from_id`,
                                    `t25`.`to_id` AS `person_id`
                                  FROM `t24` AS `t25`
                                  WHERE
                                    `t25`.`rank` = 0
                                ) AS `t29`
                                LEFT OUTER JOIN (
                                  SELECT
                                    `t32`.`from_id` AS `next_from`,
                                    `t32`.`to_id` AS `next_to`
                                  FROM `t27` AS `t32`
                                ) AS `t37`
                                  ON `t29`.`person_id` = `t37`.`next_from`
                              ) AS `t41`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t31`.`from_id` AS `next_from`,
                                  `t31`.`to_id` AS `next_to`
                                FROM `t27` AS `t31`
                              ) AS `t36`
                                ON `t41`.`person_id` = `t36`.`next_from`
                            ) AS `t45`
                          ) AS `t47`
                            ON `t8`.`_sender` = `t47`.`s_from`
                        ) AS `t48`
                        WHERE
                          `t48`.`is_known`
                      ) AS `t52`
                      LEFT OUTER JOIN (
                        SELECT
                          `t66`.`user_id` AS `m_user`,
                          `t66`.`account_id`,
                          `t66`.`email_domain`
                        FROM `t65` AS `t66`
                      ) AS `t71`
                        ON `t52`.`person_id` = `t71`.`m_user`
                    ) AS `t77`
                    LEFT OUTER JOIN (
                      SELECT
                        `t72`.`f_key` AS `st_key`,
                        COALESCE(`t83`.`s_at`, `t72`.`f_at`) AS `start`
                      FROM (
                        SELECT
                          `t66`.`user_id` AS `f_key`,
                          `t66`.`first_seen` AS `f_at`
                        FROM `t65` AS `t66`
                      ) AS `t72`
                      LEFT OUTER JOIN (
                        SELECT
                          `t79`.`entity_id` AS `s_key`,
                          MIN(`t79`.`timestamp`) AS `s_at`
                        FROM (
                          SELECT
                            *
                          FROM (
                            SELECT
                              `t52`.`message_id`,
                              `t52`.`type`,
                              `t52`.`event`,
                              `t52`.`name`,
                              `t52`.`user_id`,
                              `t52`.`anonymous_id`,
                              `t52`.`group_id`,
                              `t52`.`previous_id`,
                              `t52`.`timestamp`,
                              `t52`.`original_timestamp`,
                              `t52`.`sent_at`,
                              `t52`.`received_at`,
                              `t52`.`properties`,
                              `t52`.`traits`,
                              `t52`.`context`,
                              `t52`.`source`,
                              `t52`.`loaded_at`,
                              `t52`.`person_id`,
                              `t71`.`account_id`,
                              `t71`.`email_domain`,
                              `t52`.`person_id` AS `entity_id`
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
                                  COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                                  (
                                    `t8`.`user_id` IS NOT NULL
                                  ) OR (
                                    `t47`.`s_person` IS NOT NULL
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
                                    `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                                ) AS `t8`
                                LEFT OUTER JOIN (
                                  SELECT
                                    `t45`.`from_id` AS `s_from`,
                                    `t45`.`person_id` AS `s_person`
                                  FROM (
                                    SELECT
                                      `t41`.`from_id`,
                                      COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                                    FROM (
                                      SELECT
                                        `t29`.`from_id`,
                                        COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                                      FROM (
                                        SELECT
                                          `t25`.`from_id`,
                                          `t25`.`to_id` AS `person_id`
                                        FROM `t24` AS `t25`
                                        WHERE
                                          `t25`.`rank` = 0
                                      ) AS `t29`
                                      LEFT OUTER JOIN (
                                        SELECT
                                          `t32`.`from_id` AS `next_from`,
                                          `t32`.`to_id` AS `next_to`
                                        FROM `t27` AS `t32`
                                      ) AS `t37`
                                        ON `t29`.`person_id` = `t37`.`next_from`
                                    ) AS `t41`
                                    LEFT OUTER JOIN (
                                      SELECT
                                        `t31`.`from_id` AS `next_from`,
                                        `t31`.`to_id` AS `next_to`
                                      FROM `t27` AS `t31`
                                    ) AS `t36`
                                      ON `t41`.`person_id` = `t36`.`next_from`
                                  ) AS `t45`
                                ) AS `t47`
                                  ON `t8`.`_sender` = `t47`.`s_from`
                              ) AS `t48`
                              WHERE
                                `t48`.`is_known`
                            ) AS `t52`
                            LEFT OUTER JOIN (
                              SELECT
                                `t66`.`user_id` AS `m_user`,
                                `t66`.`account_id`,
                                `t66`.`email_domain`
                              FROM `t65` AS `t66`
                            ) AS `t71`
                              ON `t52`.`person_id` = `t71`.`m_user`
                          ) AS `t76`
                          WHERE
                            `t76`.`type` = 'track' AND `t76`.`event` = 'Signed Up'
                        ) AS `t79`
                        GROUP BY
                          1
                      ) AS `t83`
                        ON `t72`.`f_key` = `t83`.`s_key`
                    ) AS `t88`
                      ON `t77`.`entity_id` = `t88`.`st_key`
                  ) AS `t91`
                  GROUP BY
                    1
                ) AS `t94`
                  ON `t73`.`entity_id` = `t94`.`key`
              ) AS `t99`
              LEFT OUTER JOIN (
                SELECT
                  `t97`.`key`,
                  `t97`.`value` AS `s__sessions_14d`
                FROM (
                  SELECT
                    `t95`.`key`,
                    SUM(`t95`.`new`) AS `value`
                  FROM (
                    SELECT
                      `t92`.`entity_id` AS `key`,
                      IF(
                        (
                          LAG(`t92`.`timestamp`) OVER (PARTITION BY `t92`.`entity_id` ORDER BY `t92`.`timestamp` ASC) IS NULL
                        )
                        OR (
                          (
                            UNIX_SECONDS(`t92`.`timestamp`) - UNIX_SECONDS(
                              LAG(`t92`.`timestamp`) OVER (PARTITION BY `t92`.`entity_id` ORDER BY `t92`.`timestamp` ASC)
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
                          `t77`.`message_id`,
                          `t77`.`type`,
                          `t77`.`event`,
                          `t77`.`name`,
                          `t77`.`user_id`,
                          `t77`.`anonymous_id`,
                          `t77`.`group_id`,
                          `t77`.`previous_id`,
                          `t77`.`timestamp`,
                          `t77`.`original_timestamp`,
                          `t77`.`sent_at`,
                          `t77`.`received_at`,
                          `t77`.`properties`,
                          `t77`.`traits`,
                          `t77`.`context`,
                          `t77`.`source`,
                          `t77`.`loaded_at`,
                          `t77`.`person_id`,
                          `t77`.`account_id`,
                          `t77`.`email_domain`,
                          `t77`.`entity_id`,
                          `t88`.`start`
                        FROM (
                          SELECT
                            `t52`.`message_id`,
                            `t52`.`type`,
                            `t52`.`event`,
                            `t52`.`name`,
                            `t52`.`user_id`,
                            `t52`.`anonymous_id`,
                            `t52`.`group_id`,
                            `t52`.`previous_id`,
                            `t52`.`timestamp`,
                            `t52`.`original_timestamp`,
                            `t52`.`sent_at`,
                            `t52`.`received_at`,
                            `t52`.`properties`,
                            `t52`.`traits`,
                            `t52`.`context`,
                            `t52`.`source`,
                            `t52`.`loaded_at`,
                            `t52`.`person_id`,
                            `t71`.`account_id`,
                            `t71`.`email_domain`,
                            `t52`.`person_id` AS `entity_id`
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
                                COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                                (
                                  `t8`.`user_id` IS NOT NULL
                                ) OR (
                                  `t47`.`s_person` IS NOT NULL
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
                                  `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                              ) AS `t8`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t45`.`from_id` AS `s_from`,
                                  `t45`.`person_id` AS `s_person`
                                FROM (
                                  SELECT
                                    `t41`.`from_id`,
                                    COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                                  FROM (
                                    SELECT
                                      `t29`.`from_id`,
                                      COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                                    FROM (
                                      SELECT
                                        `t25`.`from_id`,
                                        `t25`.`to_id` AS `person_id`
                                      FROM `t24` AS `t25`
                                      WHERE
                                        `t25`.`rank` = 0
                                    ) AS `t29`
                                    LEFT OUTER JOIN (
                                      SELECT
                                        `t32`.`from_id` AS `next_from`,
                                        `t32`.`to_id` AS `next_to`
                                      FROM `t27` AS `t32`
                                    ) AS `t37`
                                      ON `t29`.`person_id` = `t37`.`next_from`
                                  ) AS `t41`
                                  LEFT OUTER JOIN (
                                    SELECT
                                      `t31`.`from_id` AS `next_from`,
                                      `t31`.`to_id` AS `next_to`
                                    FROM `t27` AS `t31`
                                  ) AS `t36`
                                    ON `t41`.`person_id` = `t36`.`next_from`
                                ) AS `t45`
                              ) AS `t47`
                                ON `t8`.`_sender` = `t47`.`s_from`
                            ) AS `t48`
                            WHERE
                              `t48`.`is_known`
                          ) AS `t52`
                          LEFT OUTER JOIN (
                            SELECT
                              `t66`.`user_id` AS `m_user`,
                              `t66`.`account_id`,
                              `t66`.`email_domain`
                            FROM `t65` AS `t66`
                          ) AS `t71`
                            ON `t52`.`person_id` = `t71`.`m_user`
                        ) AS `t77`
                        LEFT OUTER JOIN (
                          SELECT
                            `t72`.`f_key` AS `st_key`,
                            COALESCE(`t83`.`s_at`, `t72`.`f_at`) AS `start`
                          FROM (
                            SELECT
                              `t66`.`user_id` AS `f_key`,
                              `t66`.`first_seen` AS `f_at`
                            FROM `t65` AS `t66`
                          ) AS `t72`
                          LEFT OUTER JOIN (
                            SELECT
                              `t79`.`entity_id` AS `s_key`,
                              MIN(`t79`.`timestamp`) AS `s_at`
                            FROM (
                              SELECT
                                *
                              FROM (
                                SELECT
                                  `t52`.`message_id`,
                                  `t52`.`type`,
                                  `t52`.`event`,
                                  `t52`.`name`,
                                  `t52`.`user_id`,
                                  `t52`.`anonymous_id`,
                                  `t52`.`group_id`,
                                  `t52`.`previous_id`,
                                  `t52`.`timestamp`,
                                  `t52`.`original_timestamp`,
                                  `t52`.`sent_at`,
                                  `t52`.`received_at`,
                                  `t52`.`properties`,
                                  `t52`.`traits`,
                                  `t52`.`context`,
                                  `t52`.`source`,
                                  `t52`.`loaded_at`,
                                  `t52`.`person_id`,
                                  `t71`.`account_id`,
                                  `t71`.`email_domain`,
                                  `t52`.`person_id` AS `entity_id`
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
                                      COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                                      (
                                        `t8`.`user_id` IS NOT NULL
                                      ) OR (
                                        `t47`.`s_person` IS NOT NULL
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
                                        `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                                    ) AS `t8`
                                    LEFT OUTER JOIN (
                                      SELECT
                                        `t45`.`from_id` AS `s_from`,
                                        `t45`.`person_id` AS `s_person`
                                      FROM (
                                        SELECT
                                          `t41`.`from_id`,
                                          COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                                        FROM (
                                          SELECT
                                            `t29`.`from_id`,
                                            COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                                          FROM (
                                            SELECT
                                              `t25`.`from_id`,
                                              `t25`.`to_id` AS `person_id`
                                            FROM `t24` AS `t25`
                                            WHERE
                                              `t25`.`rank` = 0
                                          ) AS `t29`
                                          LEFT OUTER JOIN (
                                            SELECT
                                              `t32`.`from_id` AS `next_from`,
                                              `t32`.`to_id` AS `next_to`
                                            FROM `t27` AS `t32`
                                          ) AS `t37`
                                            ON `t29`.`person_id` = `t37`.`next_from`
                                        ) AS `t41`
                                        LEFT OUTER JOIN (
                                          SELECT
                                            `t31`.`from_id` AS `next_from`,
                                            `t31`.`to_id` AS `next_to`
                                          FROM `t27` AS `t31`
                                        ) AS `t36`
                                          ON `t41`.`person_id` = `t36`.`next_from`
                                      ) AS `t45`
                                    ) AS `t47`
                                      ON `t8`.`_sender` = `t47`.`s_from`
                                  ) AS `t48`
                                  WHERE
                                    `t48`.`is_known`
                                ) AS `t52`
                                LEFT OUTER JOIN (
                                  SELECT
                                    `t66`.`user_id` AS `m_user`,
                                    `t66`.`account_id`,
                                    `t66`.`email_domain`
                                  FROM `t65` AS `t66`
                                ) AS `t71`
                                  ON `t52`.`person_id` = `t71`.`m_user`
                              ) AS `t76`
                              WHERE
                                `t76`.`type` = 'track' AND `t76`.`event` = 'Signed Up'
                            ) AS `t79`
                            GROUP BY
                              1
                          ) AS `t83`
                            ON `t72`.`f_key` = `t83`.`s_key`
                        ) AS `t88`
                          ON `t77`.`entity_id` = `t88`.`st_key`
                      ) AS `t91`
                      WHERE
                        `t91`.`type` IN ('track', 'page', 'screen')
                        AND `t91`.`timestamp` >= DATETIME('2026-03-18T00:00:00')
                    ) AS `t92`
                  ) AS `t95`
                  GROUP BY
                    1
                ) AS `t97`
              ) AS `t101`
                ON `t99`.`entity_id` = `t101`.`key`
            ) AS `t104`
            LEFT OUTER JOIN (
              SELECT
                `t18`.`group_id` AS `key`,
                `t18`.`employees` AS `s__employees`
              FROM (
                SELECT
                  `t11`.`group_id`,
                  MAX_BY(
                    IF(
                      safe.float64(`t11`.`traits`['employees']) IS NOT NULL,
                      safe.float64(`t11`.`traits`['employees']),
                      NULL
                    ),
                    IF(safe.float64(`t11`.`traits`['employees']) IS NOT NULL, `t11`.`timestamp`, NULL)
                  ) AS `employees`
                FROM `t6` AS `t11`
                GROUP BY
                  1
              ) AS `t18`
            ) AS `t23`
              ON `t104`.`account_id` = `t23`.`key`
          ) AS `t107`
          LEFT OUTER JOIN (
            SELECT
              `t17`.`group_id` AS `key`,
              `t17`.`industry` AS `s__industry`
            FROM (
              SELECT
                `t11`.`group_id`,
                MAX_BY(
                  IF(
                    safe.string(`t11`.`traits`['industry']) IS NOT NULL,
                    safe.string(`t11`.`traits`['industry']),
                    NULL
                  ),
                  IF(safe.string(`t11`.`traits`['industry']) IS NOT NULL, `t11`.`timestamp`, NULL)
                ) AS `industry`
              FROM `t6` AS `t11`
              GROUP BY
                1
            ) AS `t17`
          ) AS `t22`
            ON `t107`.`account_id` = `t22`.`key`
        ) AS `t110`
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t76`.`entity_id` AS `key`
              FROM (
                SELECT
                  `t52`.`message_id`,
                  `t52`.`type`,
                  `t52`.`event`,
                  `t52`.`name`,
                  `t52`.`user_id`,
                  `t52`.`anonymous_id`,
                  `t52`.`group_id`,
                  `t52`.`previous_id`,
                  `t52`.`timestamp`,
                  `t52`.`original_timestamp`,
                  `t52`.`sent_at`,
                  `t52`.`received_at`,
                  `t52`.`properties`,
                  `t52`.`traits`,
                  `t52`.`context`,
                  `t52`.`source`,
                  `t52`.`loaded_at`,
                  `t52`.`person_id`,
                  `t71`.`account_id`,
                  `t71`.`email_domain`,
                  `t52`.`person_id` AS `entity_id`
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
                      COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                      (
                        `t8`.`user_id` IS NOT NULL
                      ) OR (
                        `t47`.`s_person` IS NOT NULL
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
                        `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                    ) AS `t8`
                    LEFT OUTER JOIN (
                      SELECT
                        `t45`.`from_id` AS `s_from`,
                        `t45`.`person_id` AS `s_person`
                      FROM (
                        SELECT
                          `t41`.`from_id`,
                          COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                        FROM (
                          SELECT
                            `t29`.`from_id`,
                            COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t25`.`from_id`,
                              `t25`.`to_id` AS `person_id`
                            FROM `t24` AS `t25`
                            WHERE
                              `t25`.`rank` = 0
                          ) AS `t29`
                          LEFT OUTER JOIN (
                            SELECT
                              `t32`.`from_id` AS `next_from`,
                              `t32`.`to_id` AS `next_to`
                            FROM `t27` AS `t32`
                          ) AS `t37`
                            ON `t29`.`person_id` = `t37`.`next_from`
                        ) AS `t41`
                        LEFT OUTER JOIN (
                          SELECT
                            `t31`.`from_id` AS `next_from`,
                            `t31`.`to_id` AS `next_to`
                          FROM `t27` AS `t31`
                        ) AS `t36`
                          ON `t41`.`person_id` = `t36`.`next_from`
                      ) AS `t45`
                    ) AS `t47`
                      ON `t8`.`_sender` = `t47`.`s_from`
                  ) AS `t48`
                  WHERE
                    `t48`.`is_known`
                ) AS `t52`
                LEFT OUTER JOIN (
                  SELECT
                    `t66`.`user_id` AS `m_user`,
                    `t66`.`account_id`,
                    `t66`.`email_domain`
                  FROM `t65` AS `t66`
                ) AS `t71`
                  ON `t52`.`person_id` = `t71`.`m_user`
              ) AS `t76`
              WHERE
                `t76`.`type` = 'track' AND `t76`.`event` IN ('Subscription Started')
            ) AS `t78`
            UNION DISTINCT
            SELECT
              *
            FROM (
              SELECT
                `t74`.`m_user` AS `key`
              FROM (
                SELECT
                  `t66`.`user_id` AS `m_user`,
                  `t66`.`account_id`,
                  `t66`.`email_domain`,
                  `t66`.`first_seen`,
                  `t66`.`last_seen`
                FROM `t65` AS `t66`
                WHERE
                  `t66`.`account_id` IS NOT NULL
              ) AS `t74`
              INNER JOIN (
                SELECT DISTINCT
                  `t76`.`account_id` AS `acc`
                FROM (
                  SELECT
                    `t52`.`message_id`,
                    `t52`.`type`,
                    `t52`.`event`,
                    `t52`.`name`,
                    `t52`.`user_id`,
                    `t52`.`anonymous_id`,
                    `t52`.`group_id`,
                    `t52`.`previous_id`,
                    `t52`.`timestamp`,
                    `t52`.`original_timestamp`,
                    `t52`.`sent_at`,
                    `t52`.`received_at`,
                    `t52`.`properties`,
                    `t52`.`traits`,
                    `t52`.`context`,
                    `t52`.`source`,
                    `t52`.`loaded_at`,
                    `t52`.`person_id`,
                    `t71`.`account_id`,
                    `t71`.`email_domain`,
                    `t52`.`person_id` AS `entity_id`
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
                        COALESCE(`t47`.`s_person`, `t8`.`_sender`) AS `person_id`,
                        (
                          `t8`.`user_id` IS NOT NULL
                        ) OR (
                          `t47`.`s_person` IS NOT NULL
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
                          `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                      ) AS `t8`
                      LEFT OUTER JOIN (
                        SELECT
                          `t45`.`from_id` AS `s_from`,
                          `t45`.`person_id` AS `s_person`
                        FROM (
                          SELECT
                            `t41`.`from_id`,
                            COALESCE(`t36`.`next_to`, `t41`.`person_id`) AS `person_id`
                          FROM (
                            SELECT
                              `t29`.`from_id`,
                              COALESCE(`t37`.`next_to`, `t29`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t25`.`from_id`,
                                `t25`.`to_id` AS `person_id`
                              FROM `t24` AS `t25`
                              WHERE
                                `t25`.`rank` = 0
                            ) AS `t29`
                            LEFT OUTER JOIN (
                              SELECT
                                `t32`.`from_id` AS `next_from`,
                                `t32`.`to_id` AS `next_to`
                              FROM `t27` AS `t32`
                            ) AS `t37`
                              ON `t29`.`person_id` = `t37`.`next_from`
                          ) AS `t41`
                          LEFT OUTER JOIN (
                            SELECT
                              `t31`.`from_id` AS `next_from`,
                              `t31`.`to_id` AS `next_to`
                            FROM `t27` AS `t31`
                          ) AS `t36`
                            ON `t41`.`person_id` = `t36`.`next_from`
                        ) AS `t45`
                      ) AS `t47`
                        ON `t8`.`_sender` = `t47`.`s_from`
                    ) AS `t48`
                    WHERE
                      `t48`.`is_known`
                  ) AS `t52`
                  LEFT OUTER JOIN (
                    SELECT
                      `t66`.`user_id` AS `m_user`,
                      `t66`.`account_id`,
                      `t66`.`email_domain`
                    FROM `t65` AS `t66`
                  ) AS `t71`
                    ON `t52`.`person_id` = `t71`.`m_user`
                ) AS `t76`
                WHERE
                  `t76`.`type` = 'track'
                  AND `t76`.`event` IN ('Subscription Started')
                  AND `t76`.`account_id` IS NOT NULL
              ) AS `t81`
                ON `t74`.`account_id` = `t81`.`acc`
            ) AS `t84`
          ) AS `t85`
        ) AS `t89`
          ON `t110`.`entity_id` = `t89`.`key`
      ) AS `t112`
      WHERE
        NOT (
          `t112`.`paying`
        )
    ) AS `t114`
  ) AS `t116`
) AS `t118`;
