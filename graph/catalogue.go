package graph

import (
	"context"
	"regexp"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/product"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/ent/servicetype"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// The catalogue's mutations: the platform's alone (rule.MayWriteCatalogue; the entities' policies
// refuse anyone else too), each audited as CATALOGUE_CHANGED.

var catalogueCode = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

func mayWriteCatalogue(ctx context.Context) error {
	if !rule.MayWriteCatalogue(viewer.FromContext(ctx)) {
		return apperr.New(apperr.Forbidden, "only the platform changes the product catalogue")
	}
	return nil
}

func codeTaken(field, what, code string) error {
	e := apperr.Refuse(apperr.Conflict, "CODE_TAKEN", "a %s with the code %q exists already", what, code)
	e.Field = field
	return e
}

func checkCode(code string) error {
	if !catalogueCode.MatchString(code) {
		return apperr.BadInput("code", "a code is 1 to 64 lower-case letters, digits, '.', '-' or '_'")
	}
	return nil
}

func checkName(field string, s *string) error {
	if s != nil && (strings.TrimSpace(*s) == "" || len([]rune(*s)) > 100) {
		return apperr.BadInput(field, "a name is 1 to 100 characters")
	}
	return nil
}

func checkPrice(field string, m *money.Money) error {
	if m != nil && m.IsNegative() {
		return apperr.BadInput(field, "a price is not negative")
	}
	return nil
}

func joinEnums[T ~string](vs []T) string {
	seen := map[T]bool{}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, string(v))
		}
	}
	return strings.Join(out, ",")
}

func checkRegions(rs []string) (string, error) {
	for _, r := range rs {
		if !catalogueCode.MatchString(r) {
			return "", apperr.BadInput("regions", "a region code is lower-case letters, digits, '.', '-' or '_'")
		}
	}
	s := strings.Join(rs, ",")
	if len(s) > 1000 {
		return "", apperr.BadInput("regions", "too many regions")
	}
	return s, nil
}

func (r *Resolver) createServiceType(ctx context.Context, in model.CreateServiceTypeInput) (*ent.ServiceType, error) {
	if err := mayWriteCatalogue(ctx); err != nil {
		return nil, err
	}
	if err := checkCode(in.Code); err != nil {
		return nil, err
	}
	if err := checkName("nameZh", &in.NameZh); err != nil {
		return nil, err
	}
	if err := checkName("nameEn", &in.NameEn); err != nil {
		return nil, err
	}
	c := r.db(ctx)
	if n, err := c.ServiceType.Query().Where(servicetype.Code(in.Code)).Count(ctx); err != nil || n > 0 {
		if err != nil {
			return nil, err
		}
		return nil, codeTaken("code", "service type", in.Code)
	}
	q := c.ServiceType.Create().SetCode(in.Code).SetNameZh(in.NameZh).SetNameEn(in.NameEn)
	if in.SortOrder != nil {
		q.SetSortOrder(*in.SortOrder)
	}
	st, err := q.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, codeTaken("code", "service type", in.Code)
	}
	if err != nil {
		return nil, err
	}
	return st, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCATALOGUE_CHANGED,
		TargetType: "ServiceType", TargetID: st.ID, Detail: "created " + st.Code})
}

func (r *Resolver) updateServiceType(ctx context.Context, in model.UpdateServiceTypeInput) (*ent.ServiceType, error) {
	if err := mayWriteCatalogue(ctx); err != nil {
		return nil, err
	}
	if err := checkName("nameZh", in.NameZh); err != nil {
		return nil, err
	}
	if err := checkName("nameEn", in.NameEn); err != nil {
		return nil, err
	}
	c := r.db(ctx)
	st, err := c.ServiceType.Query().Where(servicetype.Code(in.Code)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.BadInput("code", "no service type has the code %q", in.Code)
	}
	if err != nil {
		return nil, err
	}
	st, err = st.Update().SetNillableNameZh(in.NameZh).SetNillableNameEn(in.NameEn).
		SetNillableSortOrder(in.SortOrder).Save(ctx)
	if err != nil {
		return nil, err
	}
	return st, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCATALOGUE_CHANGED,
		TargetType: "ServiceType", TargetID: st.ID, Detail: "updated " + st.Code})
}

// serviceTypeID finds a service type by code, refusing an unknown one as bad input.
func serviceTypeID(ctx context.Context, c *ent.Client, code string) (*ent.ServiceType, error) {
	st, err := c.ServiceType.Query().Where(servicetype.Code(code)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.BadInput("serviceTypeCode", "no service type has the code %q", code)
	}
	return st, err
}

func (r *Resolver) createProduct(ctx context.Context, in model.CreateProductInput) (*ent.Product, error) {
	if err := mayWriteCatalogue(ctx); err != nil {
		return nil, err
	}
	if err := checkCode(in.Code); err != nil {
		return nil, err
	}
	for _, err := range []error{checkName("nameZh", &in.NameZh), checkName("nameEn", &in.NameEn),
		checkPrice("monthlyPrice", &in.MonthlyPrice), checkPrice("onDemandPrice", in.OnDemandPrice)} {
		if err != nil {
			return nil, err
		}
	}
	if len(in.BillingModes) == 0 {
		return nil, apperr.BadInput("billingModes", "allow at least one billing mode")
	}
	if len(in.OrderTypes) == 0 {
		return nil, apperr.BadInput("orderTypes", "allow at least one order type")
	}
	regions, err := checkRegions(in.Regions)
	if err != nil {
		return nil, err
	}
	c := r.db(ctx)
	st, err := serviceTypeID(ctx, c, in.ServiceTypeCode)
	if err != nil {
		return nil, err
	}
	if n, err := c.Product.Query().Where(product.Code(in.Code)).Count(ctx); err != nil || n > 0 {
		if err != nil {
			return nil, err
		}
		return nil, codeTaken("code", "product", in.Code)
	}
	q := c.Product.Create().SetCode(in.Code).SetServiceTypeID(st.ID).SetNameZh(in.NameZh).SetNameEn(in.NameEn).
		SetBillingModes(joinEnums(in.BillingModes)).SetOrderTypes(joinEnums(in.OrderTypes)).
		SetMonthlyPrice(in.MonthlyPrice).SetRegions(regions).
		SetNillableSpec(in.Spec).SetNillableOnDemandPrice(in.OnDemandPrice).SetNillableOnDemandUnit(in.OnDemandUnit)
	p, err := q.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, codeTaken("code", "product", in.Code)
	}
	if err != nil {
		return nil, err
	}
	return p, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCATALOGUE_CHANGED,
		TargetType: "Product", TargetID: p.ID, Detail: "created " + p.Code})
}

func (r *Resolver) updateProduct(ctx context.Context, in model.UpdateProductInput) (*ent.Product, error) {
	if err := mayWriteCatalogue(ctx); err != nil {
		return nil, err
	}
	for _, err := range []error{checkName("nameZh", in.NameZh), checkName("nameEn", in.NameEn),
		checkPrice("monthlyPrice", in.MonthlyPrice), checkPrice("onDemandPrice", in.OnDemandPrice)} {
		if err != nil {
			return nil, err
		}
	}
	c := r.db(ctx)
	p, err := c.Product.Query().Where(product.Code(in.Code)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.BadInput("code", "no product has the code %q", in.Code)
	}
	if err != nil {
		return nil, err
	}
	u := p.Update().SetNillableNameZh(in.NameZh).SetNillableNameEn(in.NameEn).SetNillableSpec(in.Spec).
		SetNillableMonthlyPrice(in.MonthlyPrice).SetNillableOnDemandPrice(in.OnDemandPrice).
		SetNillableOnDemandUnit(in.OnDemandUnit).SetNillableStatus(in.Status)
	if in.ServiceTypeCode != nil {
		st, err := serviceTypeID(ctx, c, *in.ServiceTypeCode)
		if err != nil {
			return nil, err
		}
		u.SetServiceTypeID(st.ID)
	}
	if in.BillingModes != nil {
		if len(in.BillingModes) == 0 {
			return nil, apperr.BadInput("billingModes", "allow at least one billing mode")
		}
		u.SetBillingModes(joinEnums(in.BillingModes))
	}
	if in.OrderTypes != nil {
		if len(in.OrderTypes) == 0 {
			return nil, apperr.BadInput("orderTypes", "allow at least one order type")
		}
		u.SetOrderTypes(joinEnums(in.OrderTypes))
	}
	if in.Regions != nil {
		regions, err := checkRegions(in.Regions)
		if err != nil {
			return nil, err
		}
		u.SetRegions(regions)
	}
	if p, err = u.Save(ctx); err != nil {
		return nil, err
	}
	return p, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCATALOGUE_CHANGED,
		TargetType: "Product", TargetID: p.ID, Detail: "updated " + p.Code + " (" + string(p.Status) + ")"})
}
