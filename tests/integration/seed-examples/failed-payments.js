const response = await fetch(
  'https://api.chariow.com/v1/sales?status=failed',
  { headers: { 'Authorization': 'Bearer sk_live_your_api_key' }}
);

const result = await response.json();

// Review failed sales and payment error details
result.data.forEach(sale => {
  if (sale.payment.failure_error) {
    console.log(`Failed sale ${sale.id}: ${sale.payment.failure_error.message}`);
    // Take action based on error code
  }
});
