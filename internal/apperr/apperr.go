// Package apperr is the vocabulary of errors a client may see. Anything that is not an *Error is
// internal: the GraphQL error presenter logs it and shows a generic message.
package apperr

import (
	"errors"
	"fmt"
)

// Code is the value of extensions.code in a GraphQL error.
type Code string

// Codes a client may see.
const (
	Unauthenticated      Code = "UNAUTHENTICATED"
	Forbidden            Code = "FORBIDDEN"
	NotFound             Code = "NOT_FOUND"
	BadUserInput         Code = "BAD_USER_INPUT"
	Conflict             Code = "CONFLICT"
	RateLimited          Code = "RATE_LIMITED"
	VerificationRequired Code = "VERIFICATION_REQUIRED"
	Internal             Code = "INTERNAL"
)

// Error is a refusal with a code, a message safe to show, and optionally the input field at fault.
// Messages must never contain personal data.
type Error struct {
	Code    Code
	Message string
	Field   string
	// Reason is a finer, stable machine-readable cause (extensions.reason), e.g. OWN_BALANCE.
	Reason string
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// New makes an error with a code and a message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// BadInput is a BAD_USER_INPUT error about one input field.
func BadInput(field, format string, args ...any) *Error {
	return &Error{Code: BadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Refuse is a business refusal: code, a stable reason, and a message for the user.
func Refuse(code Code, reason, format string, args ...any) *Error {
	return &Error{Code: code, Reason: reason, Message: fmt.Sprintf(format, args...)}
}
