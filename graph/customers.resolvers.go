package graph

import (
	"context"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/customers"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Customer is the resolver for the customer field.
func (r *associationEventResolver) Customer(ctx context.Context, obj *ent.AssociationEvent) (*ent.Customer, error) {
	c, err := loadersOf(ctx).customers.Load(ctx, obj.CustomerID)
	if isNotFoundMapped(err) {
		return nil, nil // no longer visible to the viewer
	}
	return c, err
}

// Partner is the resolver for the partner field.
func (r *associationEventResolver) Partner(ctx context.Context, obj *ent.AssociationEvent) (*ent.Partner, error) {
	p, err := loadersOf(ctx).partners.Load(ctx, obj.PartnerID)
	if isNotFoundMapped(err) {
		return nil, nil
	}
	return p, err
}

// PartnerName is the resolver for the partnerName field.
func (r *associationEventResolver) PartnerName(ctx context.Context, obj *ent.AssociationEvent) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.PartnerID)
}

// CustomerAccountName is the resolver for the customerAccountName field.
func (r *associationEventResolver) CustomerAccountName(ctx context.Context, obj *ent.AssociationEvent) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.CustomerID)
}

// SendVerificationCode is the resolver for the sendVerificationCode field.
func (r *mutationResolver) SendVerificationCode(ctx context.Context, mobile string) (*model.SendVerificationCodePayload, error) {
	exp, err := customers.SendCode(ctx, r.db(ctx), r.customers.SMS, mobile)
	return payload(ctx, &model.SendVerificationCodePayload{ExpiresAt: &exp}, err)
}

// CreateCustomer is the resolver for the createCustomer field.
func (r *mutationResolver) CreateCustomer(ctx context.Context, input model.CreateCustomerInput) (*model.CreateCustomerPayload, error) {
	c, err := r.customers.Create(ctx, r.db(ctx), customers.CreateInput{
		AccountName: input.AccountName, Name: input.Name, Mobile: input.Mobile, Email: input.Email,
		ProvinceCode: input.ProvinceCode, CityCode: input.CityCode, Label: input.Label, Remark: input.Remark,
		Type: input.AssociationType, VerificationCode: input.VerificationCode,
	})
	return payload(ctx, &model.CreateCustomerPayload{Customer: c}, err)
}

// SwitchAssociationType is the resolver for the switchAssociationType field.
func (r *mutationResolver) SwitchAssociationType(ctx context.Context, input model.SwitchAssociationTypeInput) (*model.SwitchAssociationTypePayload, error) {
	c, err := r.customers.SwitchType(ctx, r.db(ctx), input.CustomerID, input.Type, deref(input.Reason))
	return payload(ctx, &model.SwitchAssociationTypePayload{Customer: c}, err)
}

// RequestDisassociation is the resolver for the requestDisassociation field.
func (r *mutationResolver) RequestDisassociation(ctx context.Context, input model.RequestDisassociationInput) (*model.RequestDisassociationPayload, error) {
	ev, err := r.customers.RequestDisassociation(ctx, r.db(ctx), input.CustomerID, input.Reason, input.VerificationCode)
	return payload(ctx, &model.RequestDisassociationPayload{Event: ev}, err)
}

// DecideDisassociation is the resolver for the decideDisassociation field.
func (r *mutationResolver) DecideDisassociation(ctx context.Context, input model.DecideDisassociationInput) (*model.DecideDisassociationPayload, error) {
	ev, err := r.customers.DecideDisassociation(ctx, r.db(ctx), input.EventID, input.Approve, deref(input.Reason), input.VerificationCode)
	return payload(ctx, &model.DecideDisassociationPayload{Event: ev}, err)
}

// SetCustomerFrozen is the resolver for the setCustomerFrozen field.
func (r *mutationResolver) SetCustomerFrozen(ctx context.Context, input model.SetCustomerFrozenInput) (*model.SetCustomerFrozenPayload, error) {
	c, err := r.customers.SetFrozen(ctx, r.db(ctx), input.CustomerID, input.Frozen, input.Reason)
	return payload(ctx, &model.SetCustomerFrozenPayload{Customer: c}, err)
}

// UpdateCustomer is the resolver for the updateCustomer field.
func (r *mutationResolver) UpdateCustomer(ctx context.Context, input model.UpdateCustomerInput) (*model.UpdateCustomerPayload, error) {
	c, err := r.customers.Update(ctx, r.db(ctx), input.ID, input.Label, input.Remark)
	return payload(ctx, &model.UpdateCustomerPayload{Customer: c}, err)
}

// AssignCustomerManager is the resolver for the assignCustomerManager field.
func (r *mutationResolver) AssignCustomerManager(ctx context.Context, input model.AssignCustomerManagerInput) (*model.BatchPayload, error) {
	rows, err := r.customers.AssignManager(ctx, r.db(ctx), input.CustomerIDs, input.ManagerID)
	return payload(ctx, batchPayload(rows), err)
}

// ApplyToDistributor is the resolver for the applyToDistributor field.
func (r *mutationResolver) ApplyToDistributor(ctx context.Context, distributorID gid.ID, message *string) (*model.ApplyToDistributorPayload, error) {
	a, err := r.customers.ApplyToDistributor(ctx, r.db(ctx), distributorID, deref(message))
	return payload(ctx, &model.ApplyToDistributorPayload{Application: a}, err)
}

// DecideResellerApplications is the resolver for the decideResellerApplications field.
func (r *mutationResolver) DecideResellerApplications(ctx context.Context, input model.DecideResellerApplicationsInput) (*model.BatchPayload, error) {
	rows, err := r.customers.DecideApplications(ctx, r.db(ctx), input.Ids, input.Approve, deref(input.Reason))
	return payload(ctx, batchPayload(rows), err)
}

// MigrateCustomers is the resolver for the migrateCustomers field.
func (r *mutationResolver) MigrateCustomers(ctx context.Context, input model.MigrateCustomersInput) (*model.BatchPayload, error) {
	rows, err := r.customers.MigrateCustomers(ctx, r.db(ctx), input.CustomerIDs, input.ResellerID)
	return payload(ctx, batchPayload(rows), err)
}

// CheckCustomerRegistration is the resolver for the checkCustomerRegistration field.
func (r *queryResolver) CheckCustomerRegistration(ctx context.Context, accountName *string, mobile *string, email *string) ([]*model.RegistrationCheck, error) {
	checks, err := customers.CheckRegistration(ctx, r.client, accountName, mobile, email)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RegistrationCheck, len(checks))
	for i, c := range checks {
		out[i] = &model.RegistrationCheck{Field: c.Field, Valid: c.Valid, Available: c.Available}
		if c.Message != "" {
			msg := c.Message
			out[i].Message = &msg
		}
	}
	return out, nil
}

// Distributors is the resolver for the distributors field.
func (r *queryResolver) Distributors(ctx context.Context) ([]*model.DistributorEntry, error) {
	ds, err := customers.Distributors(ctx, r.client)
	if err != nil {
		return nil, err
	}
	out := make([]*model.DistributorEntry, len(ds))
	for i, d := range ds {
		out[i] = &model.DistributorEntry{ID: d.ID, Name: d.Name}
	}
	return out, nil
}

// ResellerName is the resolver for the resellerName field.
func (r *resellerApplicationResolver) ResellerName(ctx context.Context, obj *ent.ResellerApplication) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.ResellerID)
}

// DistributorName is the resolver for the distributorName field.
func (r *resellerApplicationResolver) DistributorName(ctx context.Context, obj *ent.ResellerApplication) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.DistributorID)
}

// Search is the resolver for the search field.
func (r *customerWhereInputResolver) Search(ctx context.Context, obj *ent.CustomerWhereInput, data *string) error {
	if data == nil {
		return nil
	}
	q := strings.TrimSpace(*data)
	if len([]rune(q)) < 2 || len([]rune(q)) > 64 {
		return apperr.BadInput("search", "search needs 2 to 64 characters")
	}
	if !rule.MaySearchPersonalFields(viewer.FromContext(ctx)) {
		return apperr.New(apperr.Forbidden, "searching by name is for partner admins and customer managers")
	}
	obj.AddPredicates(customer.Or(customer.NameContainsFold(q), customer.AccountNameContainsFold(q)))
	return nil
}
