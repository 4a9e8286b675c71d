"""Google's error answers: the status, the body's shape and its wording, as the APIs send them."""

from __future__ import annotations

from typing import Any

UNAUTHENTICATED_TAIL = (
    "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
    "See https://developers.google.com/identity/sign-in/web/devconsole-project."
)
ERRORS: dict[int, tuple[str, str]] = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: (
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. " + UNAUTHENTICATED_TAIL,
    ),
    403: ("PERMISSION_DENIED", "The caller does not have permission"),
    404: ("NOT_FOUND", "Requested entity was not found."),
    429: (
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric '{op} requests' and limit '{op} requests per minute per "
        "user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
    ),
    500: ("INTERNAL", "Internal error encountered."),
    501: ("UNIMPLEMENTED", "Not implemented."),
    503: ("UNAVAILABLE", "The service is currently unavailable."),
}
MISSING_CREDENTIAL = (
    "Request is missing required authentication credential. " + UNAUTHENTICATED_TAIL
)


class ApiError(Exception):
    """An answer other than 200, raised inside the double and turned into Google's error body."""

    def __init__(self, status: int, message: str | None = None, op: str = "Read") -> None:
        code, default = ERRORS.get(status, ("UNKNOWN", "Unknown error."))
        super().__init__(message or default.format(op=op))
        self.status = status
        self.body: dict[str, Any] = {
            "error": {"code": status, "message": str(self), "status": code}
        }
        self.headers: dict[str, str] = {}


class OAuthError(ApiError):
    """The OAuth endpoint's own error shape, which google-auth reads."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(400, description)
        self.body = {"error": error, "error_description": description}


# --- bodies with Google's details, built for one occasion ---------------------------------------

PROJECT_NUMBER = "000000000000"
_ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo"
DRIVE_LIST = "google.apps.drive.v3.DriveFiles.List"
DRIVE_GET = "google.apps.drive.v3.DriveFiles.Get"


def _error(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> ApiError:
    error = ApiError(status, body["message"])
    error.body = {"error": {"code": status, **body}}
    error.headers = dict(headers or {})
    return error


def _info(reason: str, **metadata: str) -> dict[str, Any]:
    return {
        "@type": _ERROR_INFO,
        "reason": reason,
        "domain": "googleapis.com",
        "metadata": metadata,
    }


def quota_exceeded(op: str, limit: int, retry_after: str | None = None) -> ApiError:
    """Sheets' 429 for a per-user per-minute quota (``op`` "Read" or "Write"), with the
    ErrorInfo Google attaches. Google sends no Retry-After; ``retry_after`` adds one."""
    metric = "read_requests" if op == "Read" else "write_requests"
    body = {
        "message": ERRORS[429][1].format(op=op),
        "status": "RESOURCE_EXHAUSTED",
        "details": [
            _info(
                "RATE_LIMIT_EXCEEDED",
                quota_limit_value=str(limit),
                quota_metric=f"sheets.googleapis.com/{metric}",
                quota_limit=f"{op}RequestsPerMinutePerUser",
                quota_location="global",
                service="sheets.googleapis.com",
                consumer=f"projects/{PROJECT_NUMBER}",
            ),
            {
                "@type": "type.googleapis.com/google.rpc.Help",
                "links": [
                    {
                        "description": "Request a higher quota limit.",
                        "url": "https://cloud.google.com/docs/quota#requesting_higher_quota",
                    }
                ],
            },
        ],
    }
    return _error(429, body, {"Retry-After": retry_after} if retry_after else None)


def drive_not_found(file_id: str) -> ApiError:
    """Drive's 404, in Drive's own (older) shape: no ``status``, one ``errors`` entry."""
    message = f"File not found: {file_id}."
    reason = {"reason": "notFound", "location": "fileId", "locationType": "parameter"}
    entry = {"message": message, "domain": "global", **reason}
    return _error(404, {"message": message, "errors": [entry]})


def drive_invalid(location: str, message: str = "Invalid Value") -> ApiError:
    """Drive's 400 for a parameter it cannot use (``q``, ``pageSize``, ``pageToken``...)."""
    entry = {
        "message": message,
        "domain": "global",
        "reason": "invalid",
        "location": location,
        "locationType": "parameter",
    }
    return _error(400, {"message": message, "errors": [entry]})


def login_required(method: str, message: str = MISSING_CREDENTIAL) -> ApiError:
    """401 for a Drive call that needs a signed-in principal and has none (an API key alone)."""
    entry = {
        "message": "Login Required.",
        "domain": "global",
        "reason": "required",
        "location": "Authorization",
        "locationType": "header",
    }
    details = [_info("CREDENTIALS_MISSING", method=method, service="drive.googleapis.com")]
    body = {"message": message, "errors": [entry], "status": "UNAUTHENTICATED", "details": details}
    return _error(401, body)


def invalid_credentials() -> ApiError:
    """401 for a Drive call with a Bearer token Google did not issue (or has expired)."""
    entry = {
        "message": "Invalid Credentials",
        "domain": "global",
        "reason": "authError",
        "location": "Authorization",
        "locationType": "header",
    }
    return _error(401, {"message": ERRORS[401][1], "errors": [entry], "status": "UNAUTHENTICATED"})


def insufficient_scopes(method: str) -> ApiError:
    """403 for a Drive call whose token carries none of the Drive scopes."""
    entry = {
        "message": "Insufficient Permission",
        "domain": "global",
        "reason": "insufficientPermissions",
    }
    details = [
        _info("ACCESS_TOKEN_SCOPE_INSUFFICIENT", method=method, service="drive.googleapis.com")
    ]
    body = {
        "message": "Request had insufficient authentication scopes.",
        "errors": [entry],
        "status": "PERMISSION_DENIED",
        "details": details,
    }
    return _error(403, body)


def service_disabled(
    service: str = "drive.googleapis.com", title: str = "Google Drive API"
) -> ApiError:
    """403 for an API not enabled in the caller's Cloud project, word for word as Google says it."""
    console = "https://console.developers.google.com/apis/api"
    message = (
        f"{title} has not been used in project {PROJECT_NUMBER} before or it is disabled. "
        f"Enable it by visiting {console}/{service}/overview?project={PROJECT_NUMBER} then retry. "
        "If you enabled this API recently, wait a few minutes for the action to propagate to our "
        "systems and retry."
    )
    entry = {
        "message": message,
        "domain": "usageLimits",
        "reason": "accessNotConfigured",
        "extendedHelp": "https://console.developers.google.com",
    }
    details = [_info("SERVICE_DISABLED", service=service, consumer=f"projects/{PROJECT_NUMBER}")]
    body = {
        "message": message,
        "errors": [entry],
        "status": "PERMISSION_DENIED",
        "details": details,
    }
    return _error(403, body)
