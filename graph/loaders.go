package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// customerBalances are a customer's two balances.
type customerBalances struct{ own, allocated money.Money }

// loaders batch what entgql's eager loading does not cover, so that a list's statement count does
// not grow with its rows. One set per operation.
type loaders struct {
	balances *dataloadgen.Loader[gid.ID, customerBalances]
	accounts *dataloadgen.Loader[gid.ID, *ent.Account]
}

type loadersKey struct{}

func newLoaders(client *ent.Client) *loaders {
	wait := dataloadgen.WithWait(2 * time.Millisecond)
	return &loaders{
		balances: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID]customerBalances, error) {
			accs, err := clientOf(ctx, client).Account.Query().Where(account.CustomerIDIn(ids...),
				account.KindIn(account.KindCUSTOMER_OWN, account.KindCUSTOMER_ALLOCATED)).All(ctx)
			if err != nil {
				return nil, err
			}
			out := make(map[gid.ID]customerBalances, len(ids))
			for _, id := range ids {
				out[id] = customerBalances{}
			}
			for _, a := range accs {
				b := out[*a.CustomerID]
				if a.Kind == account.KindCUSTOMER_OWN {
					b.own = a.Balance
				} else {
					b.allocated = a.Balance
				}
				out[*a.CustomerID] = b
			}
			return out, nil
		}, wait),
		accounts: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID]*ent.Account, error) {
			accs, err := clientOf(ctx, client).Account.Query().Where(account.PartnerIDIn(ids...),
				account.KindEQ(account.KindPARTNER_CASH)).All(ctx)
			if err != nil {
				return nil, err
			}
			out := make(map[gid.ID]*ent.Account, len(ids))
			for _, a := range accs {
				out[*a.PartnerID] = a
			}
			return out, nil
		}, wait),
	}
}

func clientOf(ctx context.Context, c *ent.Client) *ent.Client {
	if tc := ent.FromContext(ctx); tc != nil {
		return tc
	}
	return c
}

// withLoaders gives every operation its own loaders.
func withLoaders(client *ent.Client) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(context.WithValue(ctx, loadersKey{}, newLoaders(client)))
	}
}

func loadersOf(ctx context.Context) *loaders {
	l, _ := ctx.Value(loadersKey{}).(*loaders)
	return l
}

// isNotFoundMapped reports the error a mapped loader gives for a key it found nothing for.
func isNotFoundMapped(err error) bool {
	_, ok := err.(dataloadgen.MappedFetchError[gid.ID])
	return ok
}
