package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/ledger"
)

// userErrorOf turns a business refusal (BAD_USER_INPUT, CONFLICT) into a payload's userError;
// other errors (FORBIDDEN, NOT_FOUND, VERIFICATION_REQUIRED, internal) stay top-level.
func userErrorOf(err error) (*model.UserError, bool) {
	e, ok := apperr.As(err)
	if !ok || (e.Code != apperr.BadUserInput && e.Code != apperr.Conflict) {
		return nil, false
	}
	code := e.Reason
	if code == "" {
		code = string(e.Code)
	}
	ue := &model.UserError{Code: code, Message: e.Message}
	if e.Field != "" {
		ue.Field = []string{"input", e.Field}
	}
	return ue, true
}

// moneyPayload shapes a single money operation's answer.
func (r *Resolver) moneyPayload(ctx context.Context) func(*ledger.Outcome, error) (*model.MoneyMovePayload, error) {
	return func(out *ledger.Outcome, err error) (*model.MoneyMovePayload, error) {
		if err != nil {
			if ue, ok := userErrorOf(err); ok {
				return &model.MoneyMovePayload{UserErrors: []*model.UserError{ue}}, nil
			}
			return nil, err
		}
		p := &model.MoneyMovePayload{UserErrors: []*model.UserError{}}
		if len(out.Journals) > 0 {
			p.Journal = out.Journals[0] // just posted by this request
		} else if len(out.JournalIDs) > 0 { // a replay: read it back (privacy-filtered)
			j, err := r.client.Journal.Query().Where(journal.ID(out.JournalIDs[0])).Only(ctx)
			if err != nil {
				return nil, err
			}
			p.Journal = j
		}
		return p, nil
	}
}

func (r *Resolver) batchAllocatePayload(ctx context.Context, out *ledger.Outcome, err error) (*model.BatchAllocatePayload, error) {
	p := &model.BatchAllocatePayload{Journals: []*ent.Journal{}, Results: []*model.BatchRowResult{}, UserErrors: []*model.UserError{}}
	if err != nil {
		if ue, ok := userErrorOf(err); ok {
			p.UserErrors = append(p.UserErrors, ue)
			return p, nil
		}
		return nil, err
	}
	for _, row := range out.Rows {
		br := &model.BatchRowResult{ID: row.ID, Ok: row.OK && !out.Failed}
		if br.Ok {
			p.Succeeded++
		} else {
			p.Failed++
			code, msg := row.Code, row.Message
			br.Code, br.Message = &code, &msg
			if row.Reason != "" {
				reason := row.Reason
				br.Reason = &reason
			}
		}
		p.Results = append(p.Results, br)
	}
	if out.Failed {
		p.UserErrors = append(p.UserErrors, &model.UserError{Code: "BATCH_REFUSED", Field: []string{"input", "customerIDs"},
			Message: "nothing was allocated: the results say which customers were refused and why"})
		return p, nil
	}
	if len(out.JournalIDs) > 0 {
		js, err := r.client.Journal.Query().Where(journal.IDIn(out.JournalIDs...)).All(ctx)
		if err != nil {
			return nil, err
		}
		p.Journals = js
	}
	return p, nil
}
