package funcs

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"net/netip"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
)

// The CIDR functions do their arithmetic on addresses as big integers, so that IPv4 and IPv6 share one
// code path and a /0 IPv6 prefix's 2^128 addresses still count exactly.

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		num, err := bigInt(args[1])
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		size := blockSize(p.Addr().BitLen() - p.Bits())
		host := new(big.Int).Set(num)
		if host.Sign() < 0 {
			// Terraform counts negative host numbers back from the end: -1 is the last address.
			host.Add(host, size)
		}
		if host.Sign() < 0 || host.Cmp(size) >= 0 {
			return cty.NilVal, function.NewArgErrorf(1, "prefix of %d does not accommodate a host numbered %s", p.Bits(), num)
		}
		return cty.StringVal(toAddr(host.Add(host, toInt(p.Addr())), p.Addr()).String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if !p.Addr().Is4() {
			return cty.NilVal, function.NewArgErrorf(0, "only IPv4 networks have a netmask, not %s", p)
		}
		var mask [4]byte
		binary.BigEndian.PutUint32(mask[:], ^uint32(0)<<(32-p.Bits()))
		return cty.StringVal(netip.AddrFrom4(mask).String()), nil
	},
})

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		newBits, err := extension(p, args[1])
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		num, err := bigInt(args[2])
		if err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		if num.Sign() < 0 || num.Cmp(blockSize(newBits)) >= 0 {
			return cty.NilVal, function.NewArgErrorf(2, "prefix extension of %d does not accommodate a subnet numbered %s", newBits, num)
		}
		length := p.Bits() + newBits
		start := num.Lsh(num, uint(p.Addr().BitLen()-length))
		start.Add(start, toInt(p.Addr()))
		return cty.StringVal(netip.PrefixFrom(toAddr(start, p.Addr()), length).String()), nil
	},
})

// cidrSubnetsFunc lays the requested subnets out one after another from the start of the prefix, each
// aligned to its own size, so a smaller subnet followed by a larger one leaves a gap as in Terraform.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		bitLen := p.Addr().BitLen()
		next := toInt(p.Addr())
		end := new(big.Int).Add(next, blockSize(bitLen-p.Bits()))
		subnets := make([]cty.Value, 0, len(args)-1)
		for i, arg := range args[1:] {
			newBits, err := extension(p, arg)
			if err != nil {
				return cty.NilVal, function.NewArgError(i+1, err)
			}
			if newBits < 1 {
				return cty.NilVal, function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			}
			length := p.Bits() + newBits
			size := blockSize(bitLen - length)
			if rem := new(big.Int).Mod(next, size); rem.Sign() != 0 {
				next.Add(next, size).Sub(next, rem)
			}
			start := new(big.Int).Set(next)
			if next.Add(next, size).Cmp(end) > 0 {
				return cty.NilVal, function.NewArgErrorf(i+1, "not enough remaining address space in %s for a subnet with a prefix of %d bits", p, length)
			}
			subnets = append(subnets, cty.StringVal(netip.PrefixFrom(toAddr(start, p.Addr()), length).String()))
		}
		if len(subnets) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		return cty.ListVal(subnets), nil
	},
})

// parsePrefix accepts a prefix with host bits set, as Terraform does, and drops them.
func parsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("invalid CIDR expression: %w", err)
	}
	return p.Masked(), nil
}

// extension reads how many bits to add to p's prefix length, refusing more than the address has.
func extension(p netip.Prefix, v cty.Value) (int, error) {
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("cannot extend a prefix by a negative number of bits")
	}
	if n > p.Addr().BitLen()-p.Bits() {
		return 0, fmt.Errorf("insufficient address space to extend prefix of %d by %d", p.Bits(), n)
	}
	return n, nil
}

// bigInt reads a whole number of any size: IPv6 host and network numbers overflow int64.
func bigInt(v cty.Value) (*big.Int, error) {
	f := v.AsBigFloat()
	if !f.IsInt() {
		return nil, fmt.Errorf("must be a whole number, not %s", f.Text('g', -1))
	}
	n, _ := f.Int(nil)
	return n, nil
}

func blockSize(hostBits int) *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(hostBits))
}

func toInt(a netip.Addr) *big.Int {
	return new(big.Int).SetBytes(a.AsSlice())
}

// toAddr turns n, which the callers keep inside like's prefix, into an address of like's family.
func toAddr(n *big.Int, like netip.Addr) netip.Addr {
	a, _ := netip.AddrFromSlice(n.FillBytes(make([]byte, like.BitLen()/8)))
	return a
}
