package main

import (
	"strings"
	"testing"

	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

const createProductQ = `mutation($in: CreateProductInput!){ createProduct(input:$in){ product { id code status monthlyPrice serviceType { code } } userErrors { code field message } } }`

func newProductInput(code string) map[string]any {
	return map[string]any{"code": code, "serviceTypeCode": "compute", "nameZh": "测试型", "nameEn": "Test",
		"spec": "1 vCPU, 1 GiB", "billingModes": []string{"SUBSCRIPTION", "ON_DEMAND"},
		"orderTypes": []string{"NEW", "RENEWAL"}, "monthlyPrice": "99.50", "onDemandPrice": "0.21",
		"onDemandUnit": "HOUR", "regions": []string{"cn-north-1"}}
}

// TestCatalogue: the platform creates and changes products, a duplicate code is refused with
// CODE_TAKEN, bad input is refused, a partner's write is FORBIDDEN, a customer reads the catalogue.
func TestCatalogue(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		plat := s.login(t, "platform@example.com")
		r := s.post(t, plat, createProductQ, map[string]any{"in": newProductInput("ecs.test.small")})
		if dig(r.Data, "createProduct", "product", "monthlyPrice") != "99.50" ||
			dig(r.Data, "createProduct", "product", "serviceType", "code") != "compute" {
			t.Fatalf("create: %s", r.Raw)
		}
		r = s.post(t, plat, createProductQ, map[string]any{"in": newProductInput("ecs.test.small")})
		if r.UserError("createProduct") != "CODE_TAKEN" {
			t.Fatalf("duplicate code: %s", r.Raw)
		}
		r = s.post(t, plat, createProductQ, map[string]any{"in": newProductInput("ecs.c7.large")}) // the demo's
		if r.UserError("createProduct") != "CODE_TAKEN" {
			t.Fatalf("duplicate of a demo code: %s", r.Raw)
		}
		for name, tweak := range map[string]func(map[string]any){
			"negative price":  func(in map[string]any) { in["monthlyPrice"] = "-1.00" },
			"no billing mode": func(in map[string]any) { in["billingModes"] = []string{} },
			"no order type":   func(in map[string]any) { in["orderTypes"] = []string{} },
			"unknown type":    func(in map[string]any) { in["serviceTypeCode"] = "nope" },
			"three decimals":  func(in map[string]any) { in["monthlyPrice"] = "1.005" },
			"bad code":        func(in map[string]any) { in["code"] = "Has Spaces" },
		} {
			in := newProductInput("ecs.test.bad")
			tweak(in)
			r = s.post(t, plat, createProductQ, map[string]any{"in": in})
			if r.UserError("createProduct") == "" && r.Code() == "" {
				t.Fatalf("%s accepted: %s", name, r.Raw)
			}
		}
		r = s.post(t, plat, `mutation{ updateProduct(input:{code:"ecs.test.small", monthlyPrice:"120.00", status: RETIRED, orderTypes:[RENEWAL]}){ product { monthlyPrice status orderTypes } userErrors { code } } }`, nil)
		if dig(r.Data, "updateProduct", "product", "status") != "RETIRED" || dig(r.Data, "updateProduct", "product", "monthlyPrice") != "120.00" ||
			dig(r.Data, "updateProduct", "product", "orderTypes") != "RENEWAL" {
			t.Fatalf("update: %s", r.Raw)
		}
		r = s.post(t, plat, `mutation{ createServiceType(input:{code:"network", nameZh:"网络", nameEn:"Network", sortOrder: 70}){ serviceType { code } userErrors { code } } }`, nil)
		if dig(r.Data, "createServiceType", "serviceType", "code") != "network" {
			t.Fatalf("create service type: %s", r.Raw)
		}
		r = s.post(t, plat, `mutation{ createServiceType(input:{code:"compute", nameZh:"计算", nameEn:"Compute"}){ serviceType { code } userErrors { code } } }`, nil)
		if r.UserError("createServiceType") != "CODE_TAKEN" {
			t.Fatalf("duplicate service type: %s", r.Raw)
		}
		r = s.post(t, plat, `mutation{ updateServiceType(input:{code:"network", nameEn:"Networking"}){ serviceType { nameEn } userErrors { code } } }`, nil)
		if dig(r.Data, "updateServiceType", "serviceType", "nameEn") != "Networking" {
			t.Fatalf("update service type: %s", r.Raw)
		}
		if n := s.DB.Client.AuditLog.Query().Where(auditlog.ActionEQ(auditlog.ActionCATALOGUE_CHANGED)).CountX(sys()); n != 4 {
			t.Fatalf("audit records of catalogue changes: %d, want 4", n)
		}

		// A partner admin may not write the catalogue.
		admin := s.login(t, "sp.admin@example.com")
		r = s.post(t, admin, createProductQ, map[string]any{"in": newProductInput("ecs.test.partner")})
		if r.Code() != "FORBIDDEN" {
			t.Fatalf("a partner's create: %s", r.Raw)
		}
		r = s.post(t, admin, `mutation{ updateProduct(input:{code:"ecs.c7.large", monthlyPrice:"0.00"}){ userErrors { code } } }`, nil)
		if r.Code() != "FORBIDDEN" {
			t.Fatalf("a partner's update: %s", r.Raw)
		}

		// A customer reads the catalogue, filtered by service type and status.
		cust := s.login(t, "customer@example.com")
		r = s.post(t, cust, `{ serviceTypes(first: 20, orderBy:{field: SORT_ORDER}) { edges { node { code nameZh } } }
			products(first: 50, where:{hasServiceTypeWith:{code:"database"}, status: ACTIVE}) { totalCount edges { node { code billingModes monthlyPrice onDemandPrice onDemandUnit } } } }`, nil)
		if len(r.Errors) > 0 || len(dig(r.Data, "serviceTypes", "edges").([]any)) != 7 ||
			dig(r.Data, "products", "totalCount") != float64(3) || !strings.Contains(r.Raw, "rds.mysql.2c4g") {
			t.Fatalf("a customer reading the catalogue: %s", r.Raw)
		}
		r = s.post(t, cust, `{ products(first: 50, where:{billingModesContains:"ON_DEMAND", hasServiceTypeWith:{code:"security"}}) { totalCount } }`, nil)
		if dig(r.Data, "products", "totalCount") != float64(1) { // hss.host only
			t.Fatalf("filtering by billing mode: %s", r.Raw)
		}
	})
}

// TestCatalogueStatements: the product list with each product's service type costs no more
// statements for 50 rows than for 2.
func TestCatalogueStatements(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		plat := s.login(t, "platform@example.com")
		for _, code := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
			in := newProductInput("t." + code)
			in["serviceTypeCode"] = []string{"compute", "storage", "oss", "cdn", "security"}[len(code)%5]
			if r := s.post(t, plat, createProductQ, map[string]any{"in": in}); r.UserError("createProduct") != "" || r.Code() != "" {
				t.Fatal(r.Raw)
			}
		}
		q := `query($n:Int!){ products(first:$n) { edges { node { id code serviceType { code } } } } }`
		counts := map[int]int{}
		for _, n := range []int{2, 25} {
			for range 3 {
				s.Counter.Reset()
				r := s.post(t, plat, q, map[string]any{"n": n})
				if len(r.Errors) > 0 || len(dig(r.Data, "products", "edges").([]any)) != n {
					t.Fatalf("first %d: %s", n, r.Raw)
				}
				if c := s.Counter.Count(); counts[n] == 0 || c < counts[n] {
					counts[n] = c
				}
			}
		}
		if counts[25] > counts[2] {
			t.Fatalf("statements grow with rows: 2 -> %d, 25 -> %d\n%s", counts[2], counts[25], strings.Join(s.Counter.Statements(), "\n"))
		}
		t.Logf("%s: %d statements for 2 rows, %d for 25", engine, counts[2], counts[25])
	})
}
