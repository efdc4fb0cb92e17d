package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
)

// AllocatedBalance is the resolver for the allocatedBalance field.
func (r *customerResolver) AllocatedBalance(ctx context.Context, obj *ent.Customer) (*money.Money, error) {
	b, err := loadersOf(ctx).balances.Load(ctx, obj.ID)
	return &b.allocated, err
}

// OwnBalance is the resolver for the ownBalance field.
func (r *customerResolver) OwnBalance(ctx context.Context, obj *ent.Customer) (*money.Money, error) {
	b, err := loadersOf(ctx).balances.Load(ctx, obj.ID)
	return &b.own, err
}

// AllocateBalance is the resolver for the allocateBalance field.
func (r *mutationResolver) AllocateBalance(ctx context.Context, input model.AllocateBalanceInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.AllocateBalance(ctx, input.CustomerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason), VerificationCode: input.VerificationCode}))
}

// ReclaimBalance is the resolver for the reclaimBalance field.
func (r *mutationResolver) ReclaimBalance(ctx context.Context, input model.AllocateBalanceInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.ReclaimBalance(ctx, input.CustomerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason), VerificationCode: input.VerificationCode}))
}

// BatchAllocateBalance is the resolver for the batchAllocateBalance field.
func (r *mutationResolver) BatchAllocateBalance(ctx context.Context, input model.BatchAllocateBalanceInput, idempotencyKey string) (*model.BatchAllocatePayload, error) {
	out, err := r.ledger.BatchAllocate(ctx, input.CustomerIDs, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason), VerificationCode: input.VerificationCode})
	return r.batchAllocatePayload(ctx, out, err)
}

// AllocateToReseller is the resolver for the allocateToReseller field.
func (r *mutationResolver) AllocateToReseller(ctx context.Context, input model.ResellerTransferInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.AllocateToReseller(ctx, input.ResellerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason), VerificationCode: input.VerificationCode}))
}

// ReclaimFromReseller is the resolver for the reclaimFromReseller field.
func (r *mutationResolver) ReclaimFromReseller(ctx context.Context, input model.ResellerTransferInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.ReclaimFromReseller(ctx, input.ResellerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason), VerificationCode: input.VerificationCode}))
}

// RecordRecharge is the resolver for the recordRecharge field.
func (r *mutationResolver) RecordRecharge(ctx context.Context, input model.RecordRechargeInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.Recharge(ctx, input.PartnerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason)}))
}

// RechargeOnline is the resolver for the rechargeOnline field.
func (r *mutationResolver) RechargeOnline(ctx context.Context, input model.AmountInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.RechargeOnline(ctx, r.payments, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason)}))
}

// RecordCustomerRecharge is the resolver for the recordCustomerRecharge field.
func (r *mutationResolver) RecordCustomerRecharge(ctx context.Context, input model.RecordCustomerRechargeInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.RechargeCustomer(ctx, input.CustomerID, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason)}))
}

// WithdrawBalance is the resolver for the withdrawBalance field.
func (r *mutationResolver) WithdrawBalance(ctx context.Context, input model.AmountInput, idempotencyKey string) (*model.MoneyMovePayload, error) {
	return r.moneyPayload(ctx)(r.ledger.Withdraw(ctx, ledger.Request{
		IdempotencyKey: idempotencyKey, Amount: input.Amount, Reason: deref(input.Reason)}))
}

// Account is the resolver for the account field.
func (r *partnerResolver) Account(ctx context.Context, obj *ent.Partner) (*ent.Account, error) {
	a, err := loadersOf(ctx).accounts.Load(ctx, obj.ID)
	if isNotFoundMapped(err) {
		return nil, nil
	}
	return a, err
}
