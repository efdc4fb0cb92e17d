package graph

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/mask"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// customerBalances are a customer's two balances.
type customerBalances struct{ own, allocated money.Money }

// loaders batch what entgql's eager loading does not cover, so that a list's statement count does
// not grow with its rows. One set per operation.
type loaders struct {
	balances  *dataloadgen.Loader[gid.ID, customerBalances]
	accounts  *dataloadgen.Loader[gid.ID, *ent.Account]
	customers *dataloadgen.Loader[gid.ID, *ent.Customer]
	partners  *dataloadgen.Loader[gid.ID, *ent.Partner]
	// names are what an association's history shows of both sides, also after it ended: a
	// partner's name, a customer's masked account name.
	names *dataloadgen.Loader[gid.ID, string]
	// balanceByKey are accounts by owner key: the balances of quotas and coupons the viewer has
	// read (their accounts name no partner or customer for privacy to go by).
	balanceByKey *dataloadgen.Loader[string, *ent.Account]
	// quotaRecords are the quota operations (grant, adjustment, reseller issue and reclaim) of
	// each quota, newest first, as the viewer may read them.
	quotaRecords *dataloadgen.Loader[gid.ID, []*ent.CouponRecord]
}

type loadersKey struct{}

func newLoaders(client *ent.Client) *loaders {
	wait := dataloadgen.WithWait(2 * time.Millisecond)
	return &loaders{
		balanceByKey: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []string) (map[string]*ent.Account, error) {
			accs, err := clientOf(ctx, client).Account.Query().Where(account.OwnerKeyIn(keys...)).All(viewer.SystemContext(ctx))
			out := make(map[string]*ent.Account, len(accs))
			for _, a := range accs {
				out[a.OwnerKey] = a
			}
			return out, err
		}, wait),
		quotaRecords: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID][]*ent.CouponRecord, error) {
			rs, err := clientOf(ctx, client).CouponRecord.Query().Where(couponrecord.QuotaIDIn(ids...), couponrecord.CouponIDIsNil()).
				Order(ent.Desc(couponrecord.FieldCreatedAt)).All(ctx)
			out := make(map[gid.ID][]*ent.CouponRecord, len(ids))
			for _, r := range rs {
				out[r.QuotaID] = append(out[r.QuotaID], r)
			}
			return out, err
		}, wait),
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
		customers: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID]*ent.Customer, error) {
			cs, err := clientOf(ctx, client).Customer.Query().Where(customer.IDIn(ids...)).All(ctx)
			out := make(map[gid.ID]*ent.Customer, len(cs))
			for _, c := range cs {
				out[c.ID] = c
			}
			return out, err
		}, wait),
		partners: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID]*ent.Partner, error) {
			ps, err := clientOf(ctx, client).Partner.Query().Where(partner.IDIn(ids...)).All(ctx)
			out := make(map[gid.ID]*ent.Partner, len(ps))
			for _, p := range ps {
				out[p.ID] = p
			}
			return out, err
		}, wait),
		names: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []gid.ID) (map[gid.ID]string, error) {
			// Only IDs taken from rows the viewer may read reach here; what leaves is what
			// mask.PartyName shows of them.
			sys := viewer.SystemContext(ctx)
			out := make(map[gid.ID]string, len(ids))
			var pids, cids []gid.ID
			for _, id := range ids {
				if id.Prefix() == gid.PrefixPartner {
					pids = append(pids, id)
				} else {
					cids = append(cids, id)
				}
			}
			if len(pids) > 0 {
				ps, err := client.Partner.Query().Where(partner.IDIn(pids...)).Select(partner.FieldID, partner.FieldName).All(sys)
				if err != nil {
					return nil, err
				}
				for _, p := range ps {
					out[p.ID] = mask.PartyName(p.ID, p.Name)
				}
			}
			if len(cids) > 0 {
				cs, err := client.Customer.Query().Where(customer.IDIn(cids...)).Select(customer.FieldID, customer.FieldAccountName).All(sys)
				if err != nil {
					return nil, err
				}
				for _, c := range cs {
					out[c.ID] = mask.PartyName(c.ID, c.AccountName)
				}
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
		return next(context.WithValue(ctx, loadersKey{}, &lazyLoaders{client: client}))
	}
}

// lazyLoaders makes an operation's loaders when it first needs them (a money mutation never does).
type lazyLoaders struct {
	once   sync.Once
	client *ent.Client
	l      *loaders
}

func loadersOf(ctx context.Context) *loaders {
	h, _ := ctx.Value(loadersKey{}).(*lazyLoaders)
	if h == nil {
		return nil
	}
	h.once.Do(func() { h.l = newLoaders(h.client) })
	return h.l
}

// isNotFoundMapped reports the error a mapped loader gives for a key it found nothing for.
func isNotFoundMapped(err error) bool { return errors.Is(err, dataloadgen.ErrNotFound) }
