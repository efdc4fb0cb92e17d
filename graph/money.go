package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/ledger"
)

// moneyPayload shapes a single money operation's answer.
func (r *Resolver) moneyPayload(ctx context.Context) func(*ledger.Outcome, error) (*model.MoneyMovePayload, error) {
	return func(out *ledger.Outcome, err error) (*model.MoneyMovePayload, error) {
		p := &model.MoneyMovePayload{}
		if err != nil {
			return payload(ctx, p, err)
		}
		if len(out.Journals) > 0 {
			p.Journal = out.Journals[0] // just posted by this request
		} else if len(out.JournalIDs) > 0 { // a replay: read it back (privacy-filtered)
			p.Journal, err = r.client.Journal.Query().Where(journal.ID(out.JournalIDs[0])).Only(ctx)
		}
		return payload(ctx, p, err)
	}
}

func (r *Resolver) batchAllocatePayload(ctx context.Context, out *ledger.Outcome, err error) (*model.BatchAllocatePayload, error) {
	p := &model.BatchAllocatePayload{Journals: []*ent.Journal{}, Results: []*model.BatchRowResult{}}
	if err != nil {
		return payload(ctx, p, err)
	}
	p.Results, p.Succeeded, p.Failed = rowResults(out)
	if out.Failed { // a refusal with per-row reasons: the results stay beside it
		p.UserErrors = batchRefused("customerIDs", "customers")
		return p, nil
	}
	switch {
	case len(out.Journals) > 0:
		p.Journals = out.Journals // just posted by this request
	case len(out.JournalIDs) > 0: // a replay: read them back (privacy-filtered)
		p.Journals, err = r.client.Journal.Query().Where(journal.IDIn(out.JournalIDs...)).All(ctx)
	}
	return payload(ctx, p, err)
}
