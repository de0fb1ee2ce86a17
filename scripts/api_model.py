"""The pydantic model of the CRM API's `PUT /v1/contacts` payload (SPEC.md §1).

This is the contract the library promises never to break: whatever `contact-rules` accepts,
`Contact.model_validate_json` accepts too, after normalization. It mirrors the API: `EmailStr`
email, `UUID` account_id and tags, `bool` do_not_contact, `str` for the rest; extra keys only
as `custom_field_<uuid>` with a scalar value (str, int, float, bool or None).
"""

from __future__ import annotations

import re
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, model_validator
from pydantic_core import PydanticCustomError

#: `custom_field_` followed by a hyphenated UUID in any case.
CUSTOM_FIELD_KEY = re.compile(
    r"custom_field_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


class Contact(BaseModel):
    """One contact for the upsert API; absent keys are left out, `None` clears a field."""

    model_config = ConfigDict(extra="allow")

    email: EmailStr | None = None
    linkedin_url: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    phone_number: str | None = None
    location: str | None = None
    account_id: UUID | None = None
    domain: str | None = None
    do_not_contact: bool | None = None
    tags: list[UUID] | None = None

    @model_validator(mode="after")
    def _only_scalar_custom_fields(self) -> "Contact":
        for key, value in (self.model_extra or {}).items():
            if not CUSTOM_FIELD_KEY.fullmatch(key):
                raise PydanticCustomError(
                    "extra_forbidden", "Extra inputs are not permitted: {key}", {"key": key}
                )
            # bool is an int subclass; both are fine. Lists and dicts are not.
            if value is not None and not isinstance(value, (str, int, float, bool)):
                raise PydanticCustomError(
                    "custom_field_type",
                    "Custom field {key} must be a string, number, boolean or null",
                    {"key": key},
                )
        return self
