package customers

import (
	"context"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/managerassignment"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/resellerapplication"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// MaxBatch is the most targets one batch action takes.
const MaxBatch = 100

// RowResult is the answer of a batch action for one target.
type RowResult struct {
	ID      gid.ID
	OK      bool
	Code    apperr.Code
	Reason  string
	Message string
}

func rowErr(id gid.ID, err *apperr.Error) RowResult {
	return RowResult{ID: id, Code: err.Code, Reason: err.Reason, Message: err.Message}
}

func checkBatch(ids []gid.ID, field string) error {
	if len(ids) == 0 || len(ids) > MaxBatch {
		return apperr.BadInput(field, "give 1 to %d targets", MaxBatch)
	}
	seen := map[gid.ID]bool{}
	for _, id := range ids {
		if seen[id] {
			return apperr.BadInput(field, "the same target is listed twice")
		}
		seen[id] = true
	}
	return nil
}

// AssignManager assigns customers to a customer manager, or unassigns them (managerID nil),
// answering per customer. Admins assign within their partner; supervisors to their managers.
// Each assignment is recorded; the manager's figures count from its date.
func (s *Service) AssignManager(ctx context.Context, c *ent.Client, ids []gid.ID, managerID *gid.ID) ([]RowResult, error) {
	v := viewer.FromContext(ctx)
	if (!v.IsPartnerAdmin() && !(v.IsPartnerStaff() && v.Role == viewer.RoleSupervisor)) || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin or a supervisor assigns customers to managers")
	}
	if err := checkBatch(ids, "customerIDs"); err != nil {
		return nil, err
	}
	var mgr *ent.User
	if managerID != nil {
		var err error
		mgr, err = c.User.Query().Where(user.ID(*managerID)).Only(ctx)
		if ent.IsNotFound(err) {
			return nil, apperr.BadInput("managerID", "no such user in your partner")
		}
		if err != nil {
			return nil, err
		}
		if mgr.Role != user.RoleCUSTOMER_MANAGER || mgr.PartnerID == nil {
			return nil, apperr.BadInput("managerID", "the user is not a customer manager")
		}
		if v.Role == viewer.RoleSupervisor && (mgr.SupervisorID == nil || *mgr.SupervisorID != v.UserID) {
			return nil, apperr.New(apperr.Forbidden, "a supervisor assigns customers only to the managers under them")
		}
	}
	byID, err := customersByID(ctx, c.Customer.Query(), ids)
	if err != nil {
		return nil, err
	}
	now := Now()
	out := make([]RowResult, len(ids))
	for i, id := range ids {
		cu := byID[id]
		if e := missingOrUnassociated(cu); e != nil {
			out[i] = rowErr(id, e)
			continue
		}
		switch {
		case mgr != nil && *cu.PartnerID != *mgr.PartnerID:
			out[i] = rowErr(id, apperr.Refuse(apperr.BadUserInput, "OTHER_PARTNER", "the manager works for another partner than this customer's"))
			continue
		case managerID == nil && cu.ManagerID == nil, managerID != nil && cu.ManagerID != nil && *cu.ManagerID == *managerID:
			out[i] = RowResult{ID: id, OK: true, Message: "unchanged"}
			continue
		}
		if err := endManagerAssignment(ctx, c, id, now); err != nil {
			return nil, err
		}
		if err := c.ManagerAssignment.Create().SetCustomerID(id).SetPartnerID(*cu.PartnerID).SetNillableManagerID(managerID).
			SetAssignedByName(v.DisplayName).SetAssignedAt(now).Exec(ctx); err != nil {
			return nil, err
		}
		upd := c.Customer.UpdateOneID(id)
		if managerID == nil {
			upd.ClearManagerID().ClearManagerAssignedAt()
		} else {
			upd.SetManagerID(*managerID).SetManagerAssignedAt(now)
		}
		if err := upd.Exec(ctx); err != nil {
			return nil, err
		}
		out[i] = RowResult{ID: id, OK: true}
	}
	return out, nil
}

// ApplyToDistributor is a cloud reseller's application to cooperate with a distributor.
func (s *Service) ApplyToDistributor(ctx context.Context, c *ent.Client, distributorID gid.ID, message string) (*ent.ResellerApplication, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() || v.PartnerKind != string(partner.KindCLOUD_RESELLER) || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "only a cloud reseller's admin applies to a distributor")
	}
	if v.DistributorID != "" {
		return nil, apperr.Refuse(apperr.BadUserInput, "HAS_DISTRIBUTOR", "your partner already cooperates with a distributor")
	}
	// The reseller may not list other partners; it may learn whether an ID is a distributor.
	isDist, err := c.Partner.Query().Where(partner.ID(distributorID), partner.KindEQ(partner.KindDISTRIBUTOR)).
		Exist(viewer.SystemContext(ctx))
	if err != nil {
		return nil, err
	}
	if !isDist {
		return nil, apperr.BadInput("distributorID", "no distributor with this ID")
	}
	pending, err := c.ResellerApplication.Query().Where(resellerapplication.ResellerID(v.PartnerID),
		resellerapplication.StatusEQ(resellerapplication.StatusPENDING)).Exist(ctx)
	if err != nil {
		return nil, err
	}
	if pending {
		return nil, apperr.Refuse(apperr.Conflict, "PENDING_APPLICATION", "your partner has an application waiting for a decision")
	}
	if len([]rune(message)) > 500 {
		return nil, apperr.BadInput("message", "at most 500 characters")
	}
	return c.ResellerApplication.Create().SetResellerID(v.PartnerID).SetDistributorID(distributorID).
		SetMessage(message).SetCreatedAt(Now()).Save(ctx)
}

// DecideApplications approves or rejects resellers' applications, one or many (批量审批),
// answering per application. Approving makes the distributor the reseller's distributor.
func (s *Service) DecideApplications(ctx context.Context, c *ent.Client, ids []gid.ID, approve bool, reason string) ([]RowResult, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() || v.PartnerKind != string(partner.KindDISTRIBUTOR) || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "only a distributor's admin decides resellers' applications")
	}
	if err := checkBatch(ids, "ids"); err != nil {
		return nil, err
	}
	apps, err := c.ResellerApplication.Query().Where(resellerapplication.IDIn(ids...),
		resellerapplication.DistributorID(v.PartnerID)).WithReseller().All(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[gid.ID]*ent.ResellerApplication{}
	for _, a := range apps {
		byID[a.ID] = a
	}
	now := Now()
	status := resellerapplication.StatusREJECTED
	if approve {
		status = resellerapplication.StatusAPPROVED
	}
	out := make([]RowResult, len(ids))
	for i, id := range ids {
		a := byID[id]
		switch {
		case a == nil:
			out[i] = rowErr(id, apperr.New(apperr.NotFound, "no application to your partner with this ID"))
			continue
		case a.Status != resellerapplication.StatusPENDING:
			out[i] = rowErr(id, apperr.Refuse(apperr.BadUserInput, "NOT_PENDING", "already %s", a.Status))
			continue
		}
		if approve {
			// The distributor adopts the reseller: a write to another partner's row, allowed
			// here and only here, after the checks above.
			n, err := c.Partner.Update().Where(partner.ID(a.ResellerID), partner.DistributorIDIsNil(),
				partner.KindEQ(partner.KindCLOUD_RESELLER)).SetDistributorID(v.PartnerID).Save(viewer.SystemContext(ctx))
			if err != nil {
				return nil, err
			}
			if n == 0 {
				out[i] = rowErr(id, apperr.Refuse(apperr.BadUserInput, "HAS_DISTRIBUTOR", "the reseller already cooperates with a distributor"))
				continue
			}
		}
		if err := c.ResellerApplication.UpdateOne(a).SetStatus(status).SetDecidedAt(now).
			SetDecidedByName(v.DisplayName).SetDecisionReason(reason).Exec(ctx); err != nil {
			return nil, err
		}
		out[i] = RowResult{ID: id, OK: true}
	}
	return out, nil
}

// MigrateCustomers moves a solution provider's sub-customers to a cloud reseller, by the platform,
// answering per customer. Each keeps its association type; the move is two events.
func (s *Service) MigrateCustomers(ctx context.Context, c *ent.Client, ids []gid.ID, resellerID gid.ID) ([]RowResult, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPlatform() {
		return nil, apperr.New(apperr.Forbidden, "only the platform migrates customers")
	}
	if err := checkBatch(ids, "customerIDs"); err != nil {
		return nil, err
	}
	res, err := c.Partner.Get(ctx, resellerID)
	if ent.IsNotFound(err) || (err == nil && res.Kind != partner.KindCLOUD_RESELLER) {
		return nil, apperr.BadInput("resellerID", "no cloud reseller with this ID")
	}
	if err != nil {
		return nil, err
	}
	byID, err := customersByID(ctx, c.Customer.Query().WithPartner(), ids)
	if err != nil {
		return nil, err
	}
	now := Now()
	out := make([]RowResult, len(ids))
	for i, id := range ids {
		cu := byID[id]
		if e := missingOrUnassociated(cu); e != nil {
			out[i] = rowErr(id, e)
			continue
		}
		if cu.Edges.Partner.Kind != partner.KindSOLUTION_PROVIDER {
			out[i] = rowErr(id, apperr.Refuse(apperr.BadUserInput, "NOT_SOLUTION_PROVIDER", "only a solution provider's customers are migrated"))
			continue
		}
		from := *cu.PartnerID
		typ := *cu.AssociationType
		if err := restartAssociation(ctx, c, id, resellerID, typ, now); err != nil {
			return nil, err
		}
		if err := endManagerAssignment(ctx, c, id, now); err != nil {
			return nil, err
		}
		if err := s.reclaimCoupons(ctx, c, id, from, couponrecord.TypeRECLAIMED_ON_TRANSFER_TO_RESELLER); err != nil {
			return nil, err
		}
		if err := c.Customer.UpdateOne(cu).SetPartnerID(resellerID).SetAssociatedAt(now).ClearManagerID().
			ClearManagerAssignedAt().Exec(ctx); err != nil {
			return nil, err
		}
		ft, tt := associationevent.FromType(typ), associationevent.ToType(typ)
		if err := event(ctx, c, id, from, associationevent.KindMIGRATED_OUT, associationevent.InitiatorPLATFORM, &ft, &tt, "migrated to a cloud reseller", associationevent.StatusDONE); err != nil {
			return nil, err
		}
		if err := event(ctx, c, id, resellerID, associationevent.KindMIGRATED_IN, associationevent.InitiatorPLATFORM, &ft, &tt, "migrated from a solution provider", associationevent.StatusDONE); err != nil {
			return nil, err
		}
		out[i] = RowResult{ID: id, OK: true}
	}
	return out, nil
}

// customersByID runs q for the given IDs (privacy-filtered: invisible ones are missing).
func customersByID(ctx context.Context, q *ent.CustomerQuery, ids []gid.ID) (map[gid.ID]*ent.Customer, error) {
	found, err := q.Where(customer.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[gid.ID]*ent.Customer, len(found))
	for _, cu := range found {
		byID[cu.ID] = cu
	}
	return byID, nil
}

// missingOrUnassociated is the refusal of a batch row whose customer is not found or has no
// partner, or nil.
func missingOrUnassociated(cu *ent.Customer) *apperr.Error {
	switch {
	case cu == nil:
		return apperr.New(apperr.NotFound, "no customer with this ID")
	case cu.PartnerID == nil || cu.AssociationType == nil:
		return apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with a partner")
	}
	return nil
}

// endAssociation ends the customer's active association, if any.
func endAssociation(ctx context.Context, c *ent.Client, customerID gid.ID, now time.Time) error {
	_, err := c.Association.Update().Where(association.CustomerID(customerID), association.StatusEQ(association.StatusACTIVE)).
		SetStatus(association.StatusENDED).SetEndedAt(now).Save(ctx)
	return err
}

// restartAssociation ends the active association and starts one with partnerID in mode typ (a
// type switch, a migration): the history keeps both.
func restartAssociation(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID, typ customer.AssociationType, now time.Time) error {
	if err := endAssociation(ctx, c, customerID, now); err != nil {
		return err
	}
	return c.Association.Create().SetCustomerID(customerID).SetPartnerID(partnerID).
		SetType(association.Type(typ)).SetSince(now).Exec(ctx)
}

// endManagerAssignment closes the customer's current manager assignment, if any.
func endManagerAssignment(ctx context.Context, c *ent.Client, customerID gid.ID, now time.Time) error {
	_, err := c.ManagerAssignment.Update().Where(managerassignment.CustomerID(customerID), managerassignment.EndedAtIsNil()).
		SetEndedAt(now).Save(ctx)
	return err
}

// Distributors lists the distributors a cloud reseller may apply to (ID and name only).
func Distributors(ctx context.Context, c *ent.Client) ([]*ent.Partner, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPlatform() && !(v.IsPartnerAdmin() && v.PartnerKind == string(partner.KindCLOUD_RESELLER)) {
		return nil, apperr.New(apperr.Forbidden, "the distributor directory is for cloud resellers' admins")
	}
	// A directory across partners: only names leave here.
	return c.Partner.Query().Where(partner.KindEQ(partner.KindDISTRIBUTOR)).
		Select(partner.FieldID, partner.FieldName).Order(ent.Asc(partner.FieldName)).Limit(500).All(viewer.SystemContext(ctx))
}
