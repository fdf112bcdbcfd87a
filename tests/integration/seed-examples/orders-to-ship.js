// Get completed sales with shipping addresses
const response = await fetch(
  'https://api.chariow.com/v1/sales?status=completed',
  { headers: { 'Authorization': 'Bearer sk_live_your_api_key' }}
);

const result = await response.json();
const ordersToShip = result.data.filter(
  sale => sale.shipping && sale.shipping.address
);

// Process each order
ordersToShip.forEach(sale => {
  console.log(`Ship to: ${sale.shipping.address}, ${sale.shipping.city}`);
});
