"""Ground-truth tables: who converted, when, and with what probability.

``truth_accounts`` has one row per account (the company, whether or not the product ever saw a
``group`` call for it); ``truth_users`` one row per signed-up user. A user counts as converted when
their account converted after they had signed up (teammates who join a paying account later did
not convert themselves). ``true_probability`` is the probability the account's conversion draw
implied: the probability, given everything the account did and its hidden factor, that it
converts within the period (0 for an account nobody used after its first days); for a user, the
probability that the account converts at a moment after the user signed up. It is the oracle
ranking a model can be compared with. ``observable_probability`` is the same with the hidden
factor averaged out: the best ranking the events of the whole period allow.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from pqlkit.simulate import reference as ref
from pqlkit.simulate import text
from pqlkit.simulate.company import Population
from pqlkit.simulate.conversion import Conversion

USERS_SCHEMA = pa.schema(
    [
        pa.field("user_id", pa.string(), nullable=False),
        pa.field("account_id", pa.string(), nullable=False),
        pa.field("email", pa.string(), nullable=False),
        pa.field("signup_at", pa.timestamp("us"), nullable=False),
        pa.field("true_probability", pa.float64(), nullable=False),
        pa.field("observable_probability", pa.float64(), nullable=False),
        pa.field("converted", pa.bool_(), nullable=False),
        pa.field("converted_at", pa.timestamp("us")),
    ]
)
ACCOUNTS_SCHEMA = pa.schema(
    [
        pa.field("account_id", pa.string(), nullable=False),
        pa.field("domain", pa.string(), nullable=False),
        pa.field("employees", pa.int64(), nullable=False),
        pa.field("industry", pa.string(), nullable=False),
        pa.field("true_probability", pa.float64(), nullable=False),
        pa.field("observable_probability", pa.float64(), nullable=False),
        pa.field("converted", pa.bool_(), nullable=False),
        pa.field("converted_at", pa.timestamp("us")),
        pa.field("converting_user_id", pa.string()),
    ]
)


def _times(values: np.ndarray, missing: np.ndarray) -> pa.Array:
    return pa.array(values.astype("datetime64[us]"), mask=missing)


def truth_users(population: Population, conversion: Conversion) -> pa.Table:
    users = population.users
    account = users.account
    converted_at = conversion.converted_at[account]
    converted = conversion.converted[account] & (users.signup_at < converted_at)
    return pa.Table.from_arrays(
        [
            users.ids,
            population.accounts.ids.take(pa.array(account)),
            text.strings(users.email),
            _times(users.signup_at, np.zeros(users.count, dtype=bool)),
            pa.array(conversion.user_probability),
            pa.array(conversion.user_observable_probability),
            pa.array(converted),
            _times(np.where(converted, converted_at, 0), ~converted),
        ],
        schema=USERS_SCHEMA,
    )


def truth_accounts(population: Population, conversion: Conversion) -> pa.Table:
    accounts = population.accounts
    converted = conversion.converted
    converting = conversion.converting_user
    return pa.Table.from_arrays(
        [
            accounts.ids,
            text.strings(accounts.domains),
            pa.array(accounts.employees),
            text.take(text.strings([name for name, _ in ref.INDUSTRIES]), accounts.industry),
            pa.array(conversion.probability),
            pa.array(conversion.observable_probability),
            pa.array(converted),
            _times(np.where(converted, conversion.converted_at, 0), ~converted),
            population.users.ids.take(pa.array(np.maximum(converting, 0), mask=~converted)),
        ],
        schema=ACCOUNTS_SCHEMA,
    )
