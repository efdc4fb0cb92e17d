package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/managerassignment"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// customers is the condition on a customer row: a partner's staff see the customers of
// Partners, narrowed to those of Managers; a customer's user sees its own. False: none.
func (s Scope) customers() (entql.P, bool) {
	switch {
	case len(s.Partners) > 0:
		p := in(customer.FieldPartnerID, s.Partners)
		if s.Managers != nil {
			p = entql.And(p, in(customer.FieldManagerID, s.Managers))
		}
		return p, true
	case s.Customer != "":
		return eq(customer.FieldID, s.Customer), true
	}
	return nil, false
}

// customerRecords is the condition on records kept of a customer under one partner
// (associations, association events, manager assignments), given the entity's partner and
// customer fields and its edge to the customer: a partner's staff see those of Partners (also
// of customers that have since left, for the history), narrowed to customers now assigned to
// Managers; a customer's user sees those of its customer, whichever partner they were with.
func customerRecords(partnerField, customerField, customerEdge string) func(Scope) (entql.P, bool) {
	return func(s Scope) (entql.P, bool) {
		switch {
		case len(s.Partners) > 0:
			p := in(partnerField, s.Partners)
			if s.Managers != nil {
				p = entql.And(p, entql.HasEdgeWith(customerEdge, in(customer.FieldManagerID, s.Managers)))
			}
			return p, true
		case s.Customer != "":
			return eq(customerField, s.Customer), true
		}
		return nil, false
	}
}

// FilterCustomers narrows reads and updates of customers to Scope.customers. A caller may add
// its own predicates (e.g. dbx.ForShare, to lock the row for a money operation): they are
// ANDed with this condition in the same statement.
func FilterCustomers() privacy.QueryMutationRule {
	return filterRule[*ent.CustomerFilter]("customer", Scope.customers)
}

// FilterAssociations narrows reads and updates of associations to customerRecords.
func FilterAssociations() privacy.QueryMutationRule {
	return filterRule[*ent.AssociationFilter]("association",
		customerRecords(association.FieldPartnerID, association.FieldCustomerID, association.EdgeCustomer))
}

// FilterAssociationEvents narrows reads and updates of association events to
// customerRecords: both sides of an association read its history.
func FilterAssociationEvents() privacy.QueryMutationRule {
	return filterRule[*ent.AssociationEventFilter]("association event",
		customerRecords(associationevent.FieldPartnerID, associationevent.FieldCustomerID, associationevent.EdgeCustomer))
}

// FilterManagerAssignments narrows reads and updates of manager assignments to
// customerRecords.
func FilterManagerAssignments() privacy.QueryMutationRule {
	return filterRule[*ent.ManagerAssignmentFilter]("manager assignment",
		customerRecords(managerassignment.FieldPartnerID, managerassignment.FieldCustomerID, managerassignment.EdgeCustomer))
}

// AllowScopedWrite allows creating a customer or a record of one inside the viewer's scope
// (checked on the partner_id and customer_id being written: one of Partners, or its own
// customer) and updates, which the entity's filter rule before it has already narrowed to the
// scope. A read-only API key never writes; nothing is ever deleted (but by the platform).
func AllowScopedWrite() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if !s.Writes {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if s.mayCreateFor(m) {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate | ent.OpUpdateOne):
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// mayCreateFor reports whether m creates a row of one of Partners or about the viewer's own
// customer.
func (s Scope) mayCreateFor(m ent.Mutation) bool {
	p, _ := m.Field(customer.FieldPartnerID)
	c, _ := m.Field(association.FieldCustomerID)
	pid, _ := p.(gid.ID)
	cid, _ := c.(gid.ID)
	if pid != "" {
		for _, id := range s.Partners {
			if id == pid {
				return true
			}
		}
	}
	return cid != "" && cid == s.Customer
}
