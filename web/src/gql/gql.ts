/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyAddresses {\n    me { id addresses { ...AddressFields } }\n  }\n": typeof types.MyAddressesDocument,
    "\n  mutation AddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n": typeof types.AddAddressDocument,
    "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateAddressDocument,
    "\n  mutation RemoveAddress($id: ID!) {\n    removeAddress(id: $id) {\n      address { id }\n      errors { code message field }\n    }\n  }\n": typeof types.RemoveAddressDocument,
    "\n  query ShippingQuotes($region: String!, $productIds: [ID!]!) {\n    shippingQuotes(region: $region, productIds: $productIds) {\n      method { id name carrier }\n      cost { amount currency }\n      estimatedDays\n    }\n  }\n": typeof types.ShippingQuotesDocument,
    "\n  query OrderShipments($id: ID!) {\n    order(id: $id) {\n      id\n      shipments { id trackingNumber status updatedAt method { id name carrier } }\n    }\n  }\n": typeof types.OrderShipmentsDocument,
    "\n  query AdminShipments($status: ShipmentStatus) {\n    shipments(status: $status) {\n      id\n      trackingNumber\n      status\n      updatedAt\n      method { id name carrier }\n      order { id number customer { id name } }\n    }\n  }\n": typeof types.AdminShipmentsDocument,
    "\n  mutation AdvanceShipment($id: ID!, $status: ShipmentStatus!) {\n    advanceShipment(id: $id, status: $status)\n  }\n": typeof types.AdvanceShipmentDocument,
    "\n  fragment AdminOrderRow on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    customer { id name email }\n  }\n": typeof types.AdminOrderRowFragmentDoc,
    "\n  fragment OrderHistory on Order {\n    id\n    history {\n      from\n      to\n      at\n      reason\n      by { id name }\n    }\n  }\n": typeof types.OrderHistoryFragmentDoc,
    "\n  query AdminOrders($after: String, $filter: OrderFilter) {\n    orders(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { ...AdminOrderRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminOrdersDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) { ...OrderDetail ...OrderHistory }\n  }\n": typeof types.AdminOrderDocument,
    "\n  mutation AdminAdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n": typeof types.AdminAdvanceOrderDocument,
    "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n": typeof types.AdminCancelOrderDocument,
    "\n  subscription OrderUpdates {\n    orderUpdates { ...AdminOrderRow ...OrderHistory }\n  }\n": typeof types.OrderUpdatesDocument,
    "\n  query AdminCustomers($after: String, $search: String, $role: Role) {\n    users(first: 20, after: $after, search: $search, role: $role) {\n      totalCount\n      edges { cursor node { id name email roles createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminCustomersDocument,
    "\n  query AdminStockOverview($after: String, $lowStockOnly: Boolean) {\n    stockOverview(first: 20, after: $after, lowStockOnly: $lowStockOnly) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          sku\n          seller { id name }\n          stock {\n            available\n            reserved\n            onHand\n            lowStock\n            warehouses { warehouse { id name } available reserved onHand }\n          }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminStockOverviewDocument,
    "\n  query AssistantSuggestions {\n    assistantSuggestions\n  }\n": typeof types.AssistantSuggestionsDocument,
    "\n  mutation AskAssistant($question: String!, $conversationId: ID) {\n    askAssistant(question: $question, conversationId: $conversationId) {\n      answer { conversationId answer sources }\n      errors { code message field }\n    }\n  }\n": typeof types.AskAssistantDocument,
    "\n  query Cart {\n    cart {\n      id\n      lines {\n        quantity\n        product { id name price { amount currency } stock { available lowStock } }\n      }\n    }\n  }\n": typeof types.CartDocument,
    "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n": typeof types.AddToCartDocument,
    "\n  mutation SetCartLine($productId: ID!, $quantity: Int!) {\n    setCartLine(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n": typeof types.SetCartLineDocument,
    "\n  query Categories {\n    categories { id name slug }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Catalog($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      edges { cursor node { ...ProductCard } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      ...LiveStock\n    }\n  }\n": typeof types.ProductDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      payment { ...PaymentState }\n      errors { code message field }\n    }\n  }\n": typeof types.PayOrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.AdvanceOrderDocument,
    "\n  fragment SalesFigures on SalesPoint {\n    period\n    units\n    orders\n    revenue { amount currency }\n    averageBasket { amount currency }\n  }\n": typeof types.SalesFiguresFragmentDoc,
    "\n  query SalesSeries($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      series(granularity: $granularity) { ...SalesFigures }\n    }\n  }\n": typeof types.SalesSeriesDocument,
    "\n  query SellerSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n    }\n  }\n": typeof types.SellerSalesSummaryDocument,
    "\n  query AdminSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name seller { id name } }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n      topCategories(first: 10) {\n        category { id name }\n        units\n        revenue { amount currency }\n      }\n      repeatCustomerRate\n      conversionRate\n    }\n  }\n": typeof types.AdminSalesSummaryDocument,
    "\n  query InventoryHealth {\n    inventoryHealth(first: 50) {\n      product { id name seller { id name } }\n      available\n      daysOfCover\n      turnover\n      deadStock\n    }\n  }\n": typeof types.InventoryHealthDocument,
    "\n  query SellerForecastProducts($sellerId: ID!) {\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { id name } }\n    }\n  }\n": typeof types.SellerForecastProductsDocument,
    "\n  fragment ForecastAccuracyFields on ForecastAccuracy {\n    model\n    mape\n    smape\n    baselineSmape\n    window\n  }\n": typeof types.ForecastAccuracyFieldsFragmentDoc,
    "\n  query DemandForecast($productId: ID!) {\n    demandForecast(productId: $productId, days: 30) {\n      product { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n      predictedStockout\n      suggestedReorder\n      warehouses { warehouse { id name } available predictedStockout suggestedReorder }\n      computedAt\n    }\n  }\n": typeof types.DemandForecastDocument,
    "\n  query CategoryForecast($categoryId: ID!) {\n    categoryForecast(categoryId: $categoryId, days: 30) {\n      category { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n    }\n  }\n": typeof types.CategoryForecastDocument,
    "\n  query MyFavorites {\n    me { id favorites { ...ProductCard status } }\n  }\n": typeof types.MyFavoritesDocument,
    "\n  mutation AddFavorite($productId: ID!) {\n    addFavorite(productId: $productId)\n  }\n": typeof types.AddFavoriteDocument,
    "\n  mutation RemoveFavorite($productId: ID!) {\n    removeFavorite(productId: $productId)\n  }\n": typeof types.RemoveFavoriteDocument,
    "\n  fragment ProductImageFields on ProductImage {\n    id\n    url\n    width\n    height\n    alt\n    srcSet\n  }\n": typeof types.ProductImageFieldsFragmentDoc,
    "\n  fragment ProductCard on Product {\n    id\n    name\n    price { amount currency }\n    category { id name }\n    stock { available lowStock }\n    images { ...ProductImageFields }\n  }\n": typeof types.ProductCardFragmentDoc,
    "\n  fragment ProductDetail on Product {\n    id\n    sku\n    name\n    description\n    status\n    price { amount currency }\n    category { id name }\n    seller { id name }\n    weightGrams\n    images { ...ProductImageFields }\n  }\n": typeof types.ProductDetailFragmentDoc,
    "\n  fragment LiveStock on Product {\n    id\n    stock { available reserved onHand lowStock }\n  }\n": typeof types.LiveStockFragmentDoc,
    "\n  fragment PaymentState on Payment {\n    id\n    status\n    method\n    failureReason\n    cardLast4\n    amount { amount currency }\n    createdAt\n    updatedAt\n  }\n": typeof types.PaymentStateFragmentDoc,
    "\n  fragment OrderState on Order {\n    id\n    number\n    status\n    cancellationReason\n    reservedUntil\n    updatedAt\n  }\n": typeof types.OrderStateFragmentDoc,
    "\n  fragment AddressFields on Address {\n    id\n    recipient\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n  }\n": typeof types.AddressFieldsFragmentDoc,
    "\n  fragment OrderDetail on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    shippingAddress { ...AddressFields }\n    shippingMethod { id name carrier }\n    shippingCost { amount currency }\n    customer { id name email }\n    lines {\n      quantity\n      unitPrice { amount currency }\n      total { amount currency }\n      product { id name }\n    }\n    payment { ...PaymentState }\n    payments { ...PaymentState }\n  }\n": typeof types.OrderDetailFragmentDoc,
    "\n  subscription StockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { ...LiveStock }\n  }\n": typeof types.StockChangedDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderState }\n  }\n": typeof types.OrderStatusChangedDocument,
    "\n  subscription PaymentStatusChanged($orderId: ID!) {\n    paymentStatusChanged(orderId: $orderId) { ...PaymentState }\n  }\n": typeof types.PaymentStatusChangedDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  fragment UnreadCount on User {\n    id\n    unreadNotificationCount\n  }\n": typeof types.UnreadCountFragmentDoc,
    "\n  fragment NotificationRead on Notification {\n    id\n    read\n  }\n": typeof types.NotificationReadFragmentDoc,
    "\n  query UnreadNotificationCount {\n    me { id unreadNotificationCount }\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($after: String) {\n    me {\n      id\n      unreadNotificationCount\n      notifications(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...NotificationItem } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      unreadNotificationCount\n      errors { code message field }\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  fragment ViewerPreferences on User {\n    id\n    notificationPreferences { kind email }\n  }\n": typeof types.ViewerPreferencesFragmentDoc,
    "\n  query NotificationPreferences {\n    me { id notificationPreferences { kind email } }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $email: Boolean!) {\n    setNotificationPreference(kind: $kind, email: $email) {\n      preferences { kind email }\n      errors { code message field }\n    }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...OrderState createdAt total { amount currency } lines { quantity } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderDetail }\n  }\n": typeof types.OrderDocument,
    "\n  query MyStores {\n    myStores { id name region kind seller { id name } }\n  }\n": typeof types.MyStoresDocument,
    "\n  fragment PosProduct on Product {\n    id\n    sku\n    name\n    status\n    price { amount currency }\n    stock { available warehouses { warehouse { id } available } }\n  }\n": typeof types.PosProductFragmentDoc,
    "\n  query PosCatalog($sellerId: ID!) {\n    products(first: 50, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { ...PosProduct } }\n    }\n  }\n": typeof types.PosCatalogDocument,
    "\n  query PosSearch($sellerId: ID!, $search: String!) {\n    products(first: 10, filter: { sellerId: $sellerId, search: $search }, sort: RELEVANCE) {\n      edges { node { ...PosProduct } }\n    }\n  }\n": typeof types.PosSearchDocument,
    "\n  subscription PosStockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { id stock { available warehouses { warehouse { id } available } } }\n  }\n": typeof types.PosStockChangedDocument,
    "\n  mutation RecordStoreSale($input: StoreSaleInput!) {\n    recordStoreSale(input: $input) {\n      sale {\n        id\n        receiptNumber\n        createdAt\n        total { amount currency }\n        warehouse { id name }\n        lines { quantity unitPrice { amount currency } total { amount currency } product { id name } }\n      }\n      errors { code message field }\n    }\n  }\n": typeof types.RecordStoreSaleDocument,
    "\n  query PosProduct($id: ID!) {\n    product(id: $id) { ...PosProduct }\n  }\n": typeof types.PosProductDocument,
    "\n  query SellerProducts($sellerId: ID!, $after: String) {\n    products(first: 20, after: $after, filter: { sellerId: $sellerId }, sort: NEWEST) {\n      totalCount\n      edges { cursor node { id sku name status price { amount currency } stock { available onHand reserved lowStock } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SellerProductsDocument,
    "\n  query ProductFormOptions {\n    categories { id name slug }\n    warehouses { id name region kind }\n  }\n": typeof types.ProductFormOptionsDocument,
    "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      costPrice { amount currency }\n      lowStockThreshold\n      stock {\n        available\n        reserved\n        onHand\n        lowStock\n        warehouses { warehouse { id name region } onHand reserved available }\n      }\n    }\n  }\n": typeof types.EditableProductDocument,
    "\n  query StockMovements($id: ID!, $after: String) {\n    product(id: $id) {\n      id\n      stockMovements(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { id delta reason note createdAt warehouse { id name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.StockMovementsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id sku name status price { amount currency } seller { id } }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product { id sku name description status weightGrams price { amount currency } costPrice { amount currency } category { id name } }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  mutation SetLowStockThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) {\n      product { id lowStockThreshold stock { available reserved onHand lowStock } }\n      errors { code message field }\n    }\n  }\n": typeof types.SetLowStockThresholdDocument,
    "\n  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {\n    removeProductImage(productId: $productId, imageId: $imageId) {\n      product { id images { ...ProductImageFields } }\n      errors { code message field }\n    }\n  }\n": typeof types.RemoveProductImageDocument,
    "\n  query ProductImages($id: ID!) {\n    product(id: $id) { id images { ...ProductImageFields } }\n  }\n": typeof types.ProductImagesDocument,
    "\n  query Viewer {\n    me { id name email roles }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    contactEmail\n    leadTimeDays\n  }\n": typeof types.SupplierFieldsFragmentDoc,
    "\n  query Suppliers {\n    suppliers { ...SupplierFields }\n  }\n": typeof types.SuppliersDocument,
    "\n  mutation CreateSupplier($input: SupplierInput!) {\n    createSupplier(input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateSupplierDocument,
    "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!) {\n    updateSupplier(id: $id, input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateSupplierDocument,
    "\n  fragment ReorderFields on ReorderRequest {\n    id\n    status\n    quantity\n    suggested\n    createdAt\n    updatedAt\n    supplier { id name }\n    product { id name sku }\n    warehouse { id name }\n  }\n": typeof types.ReorderFieldsFragmentDoc,
    "\n  query ReorderRequests($status: ReorderStatus) {\n    reorderRequests(status: $status) { ...ReorderFields }\n  }\n": typeof types.ReorderRequestsDocument,
    "\n  query ReorderFormOptions($sellerId: ID!) {\n    suppliers { id name }\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) { edges { node { id name sku } } }\n    warehouses { id name kind }\n  }\n": typeof types.ReorderFormOptionsDocument,
    "\n  mutation CreateReorder($input: ReorderInput!) {\n    createReorder(input: $input) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateReorderDocument,
    "\n  mutation AdvanceReorder($id: ID!, $status: ReorderStatus!) {\n    advanceReorder(id: $id, status: $status) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n": typeof types.AdvanceReorderDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n": typeof types.TransferStockDocument,
    "\n  query ProductSupplier($id: ID!) {\n    product(id: $id) { id supplier { id name } }\n    suppliers { id name }\n  }\n": typeof types.ProductSupplierDocument,
    "\n  mutation SetProductSupplier($productId: ID!, $supplierId: ID) {\n    setProductSupplier(productId: $productId, supplierId: $supplierId) {\n      product { id supplier { id name } }\n      errors { code message field }\n    }\n  }\n": typeof types.SetProductSupplierDocument,
    "\n  fragment TicketSummary on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    createdAt\n    updatedAt\n    order { id number }\n  }\n": typeof types.TicketSummaryFragmentDoc,
    "\n  fragment TicketDetail on Ticket {\n    ...TicketSummary\n    customer { id name }\n    messages { id body byStaff createdAt author { id } }\n  }\n": typeof types.TicketDetailFragmentDoc,
    "\n  query OrderTickets($id: ID!) {\n    order(id: $id) { id tickets { ...TicketSummary } }\n  }\n": typeof types.OrderTicketsDocument,
    "\n  query MyTickets($after: String) {\n    me {\n      id\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...TicketSummary } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.MyTicketsDocument,
    "\n  query Ticket($id: ID!) {\n    ticket(id: $id) { ...TicketDetail }\n  }\n": typeof types.TicketDocument,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n      priorityReasons\n      customer { id name email }\n    }\n  }\n": typeof types.AdminTicketDocument,
    "\n  query SupportQueue($after: String, $status: TicketStatus) {\n    supportQueue(first: 20, after: $after, status: $status) {\n      totalCount\n      edges { cursor node { ...TicketSummary customer { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SupportQueueDocument,
    "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.OpenTicketDocument,
    "\n  mutation ReplyToTicket($ticketId: ID!, $message: String!) {\n    replyToTicket(ticketId: $ticketId, message: $message) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.ReplyToTicketDocument,
    "\n  mutation SetTicketStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": typeof types.SetTicketStatusDocument,
    "\n  subscription TicketUpdated($ticketId: ID!) {\n    ticketUpdated(ticketId: $ticketId) { ...TicketDetail }\n  }\n": typeof types.TicketUpdatedDocument,
};
const documents: Documents = {
    "\n  query MyAddresses {\n    me { id addresses { ...AddressFields } }\n  }\n": types.MyAddressesDocument,
    "\n  mutation AddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n": types.AddAddressDocument,
    "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n": types.UpdateAddressDocument,
    "\n  mutation RemoveAddress($id: ID!) {\n    removeAddress(id: $id) {\n      address { id }\n      errors { code message field }\n    }\n  }\n": types.RemoveAddressDocument,
    "\n  query ShippingQuotes($region: String!, $productIds: [ID!]!) {\n    shippingQuotes(region: $region, productIds: $productIds) {\n      method { id name carrier }\n      cost { amount currency }\n      estimatedDays\n    }\n  }\n": types.ShippingQuotesDocument,
    "\n  query OrderShipments($id: ID!) {\n    order(id: $id) {\n      id\n      shipments { id trackingNumber status updatedAt method { id name carrier } }\n    }\n  }\n": types.OrderShipmentsDocument,
    "\n  query AdminShipments($status: ShipmentStatus) {\n    shipments(status: $status) {\n      id\n      trackingNumber\n      status\n      updatedAt\n      method { id name carrier }\n      order { id number customer { id name } }\n    }\n  }\n": types.AdminShipmentsDocument,
    "\n  mutation AdvanceShipment($id: ID!, $status: ShipmentStatus!) {\n    advanceShipment(id: $id, status: $status)\n  }\n": types.AdvanceShipmentDocument,
    "\n  fragment AdminOrderRow on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    customer { id name email }\n  }\n": types.AdminOrderRowFragmentDoc,
    "\n  fragment OrderHistory on Order {\n    id\n    history {\n      from\n      to\n      at\n      reason\n      by { id name }\n    }\n  }\n": types.OrderHistoryFragmentDoc,
    "\n  query AdminOrders($after: String, $filter: OrderFilter) {\n    orders(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { ...AdminOrderRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminOrdersDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) { ...OrderDetail ...OrderHistory }\n  }\n": types.AdminOrderDocument,
    "\n  mutation AdminAdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n": types.AdminAdvanceOrderDocument,
    "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n": types.AdminCancelOrderDocument,
    "\n  subscription OrderUpdates {\n    orderUpdates { ...AdminOrderRow ...OrderHistory }\n  }\n": types.OrderUpdatesDocument,
    "\n  query AdminCustomers($after: String, $search: String, $role: Role) {\n    users(first: 20, after: $after, search: $search, role: $role) {\n      totalCount\n      edges { cursor node { id name email roles createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminCustomersDocument,
    "\n  query AdminStockOverview($after: String, $lowStockOnly: Boolean) {\n    stockOverview(first: 20, after: $after, lowStockOnly: $lowStockOnly) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          sku\n          seller { id name }\n          stock {\n            available\n            reserved\n            onHand\n            lowStock\n            warehouses { warehouse { id name } available reserved onHand }\n          }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminStockOverviewDocument,
    "\n  query AssistantSuggestions {\n    assistantSuggestions\n  }\n": types.AssistantSuggestionsDocument,
    "\n  mutation AskAssistant($question: String!, $conversationId: ID) {\n    askAssistant(question: $question, conversationId: $conversationId) {\n      answer { conversationId answer sources }\n      errors { code message field }\n    }\n  }\n": types.AskAssistantDocument,
    "\n  query Cart {\n    cart {\n      id\n      lines {\n        quantity\n        product { id name price { amount currency } stock { available lowStock } }\n      }\n    }\n  }\n": types.CartDocument,
    "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n": types.AddToCartDocument,
    "\n  mutation SetCartLine($productId: ID!, $quantity: Int!) {\n    setCartLine(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n": types.SetCartLineDocument,
    "\n  query Categories {\n    categories { id name slug }\n  }\n": types.CategoriesDocument,
    "\n  query Catalog($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      edges { cursor node { ...ProductCard } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CatalogDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      ...LiveStock\n    }\n  }\n": types.ProductDocument,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      payment { ...PaymentState }\n      errors { code message field }\n    }\n  }\n": types.PayOrderDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": types.CancelOrderDocument,
    "\n  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n": types.AdvanceOrderDocument,
    "\n  fragment SalesFigures on SalesPoint {\n    period\n    units\n    orders\n    revenue { amount currency }\n    averageBasket { amount currency }\n  }\n": types.SalesFiguresFragmentDoc,
    "\n  query SalesSeries($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      series(granularity: $granularity) { ...SalesFigures }\n    }\n  }\n": types.SalesSeriesDocument,
    "\n  query SellerSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n    }\n  }\n": types.SellerSalesSummaryDocument,
    "\n  query AdminSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name seller { id name } }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n      topCategories(first: 10) {\n        category { id name }\n        units\n        revenue { amount currency }\n      }\n      repeatCustomerRate\n      conversionRate\n    }\n  }\n": types.AdminSalesSummaryDocument,
    "\n  query InventoryHealth {\n    inventoryHealth(first: 50) {\n      product { id name seller { id name } }\n      available\n      daysOfCover\n      turnover\n      deadStock\n    }\n  }\n": types.InventoryHealthDocument,
    "\n  query SellerForecastProducts($sellerId: ID!) {\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { id name } }\n    }\n  }\n": types.SellerForecastProductsDocument,
    "\n  fragment ForecastAccuracyFields on ForecastAccuracy {\n    model\n    mape\n    smape\n    baselineSmape\n    window\n  }\n": types.ForecastAccuracyFieldsFragmentDoc,
    "\n  query DemandForecast($productId: ID!) {\n    demandForecast(productId: $productId, days: 30) {\n      product { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n      predictedStockout\n      suggestedReorder\n      warehouses { warehouse { id name } available predictedStockout suggestedReorder }\n      computedAt\n    }\n  }\n": types.DemandForecastDocument,
    "\n  query CategoryForecast($categoryId: ID!) {\n    categoryForecast(categoryId: $categoryId, days: 30) {\n      category { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n    }\n  }\n": types.CategoryForecastDocument,
    "\n  query MyFavorites {\n    me { id favorites { ...ProductCard status } }\n  }\n": types.MyFavoritesDocument,
    "\n  mutation AddFavorite($productId: ID!) {\n    addFavorite(productId: $productId)\n  }\n": types.AddFavoriteDocument,
    "\n  mutation RemoveFavorite($productId: ID!) {\n    removeFavorite(productId: $productId)\n  }\n": types.RemoveFavoriteDocument,
    "\n  fragment ProductImageFields on ProductImage {\n    id\n    url\n    width\n    height\n    alt\n    srcSet\n  }\n": types.ProductImageFieldsFragmentDoc,
    "\n  fragment ProductCard on Product {\n    id\n    name\n    price { amount currency }\n    category { id name }\n    stock { available lowStock }\n    images { ...ProductImageFields }\n  }\n": types.ProductCardFragmentDoc,
    "\n  fragment ProductDetail on Product {\n    id\n    sku\n    name\n    description\n    status\n    price { amount currency }\n    category { id name }\n    seller { id name }\n    weightGrams\n    images { ...ProductImageFields }\n  }\n": types.ProductDetailFragmentDoc,
    "\n  fragment LiveStock on Product {\n    id\n    stock { available reserved onHand lowStock }\n  }\n": types.LiveStockFragmentDoc,
    "\n  fragment PaymentState on Payment {\n    id\n    status\n    method\n    failureReason\n    cardLast4\n    amount { amount currency }\n    createdAt\n    updatedAt\n  }\n": types.PaymentStateFragmentDoc,
    "\n  fragment OrderState on Order {\n    id\n    number\n    status\n    cancellationReason\n    reservedUntil\n    updatedAt\n  }\n": types.OrderStateFragmentDoc,
    "\n  fragment AddressFields on Address {\n    id\n    recipient\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n  }\n": types.AddressFieldsFragmentDoc,
    "\n  fragment OrderDetail on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    shippingAddress { ...AddressFields }\n    shippingMethod { id name carrier }\n    shippingCost { amount currency }\n    customer { id name email }\n    lines {\n      quantity\n      unitPrice { amount currency }\n      total { amount currency }\n      product { id name }\n    }\n    payment { ...PaymentState }\n    payments { ...PaymentState }\n  }\n": types.OrderDetailFragmentDoc,
    "\n  subscription StockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { ...LiveStock }\n  }\n": types.StockChangedDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderState }\n  }\n": types.OrderStatusChangedDocument,
    "\n  subscription PaymentStatusChanged($orderId: ID!) {\n    paymentStatusChanged(orderId: $orderId) { ...PaymentState }\n  }\n": types.PaymentStatusChangedDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n": types.NotificationItemFragmentDoc,
    "\n  fragment UnreadCount on User {\n    id\n    unreadNotificationCount\n  }\n": types.UnreadCountFragmentDoc,
    "\n  fragment NotificationRead on Notification {\n    id\n    read\n  }\n": types.NotificationReadFragmentDoc,
    "\n  query UnreadNotificationCount {\n    me { id unreadNotificationCount }\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($after: String) {\n    me {\n      id\n      unreadNotificationCount\n      notifications(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...NotificationItem } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      unreadNotificationCount\n      errors { code message field }\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n": types.NotificationAddedDocument,
    "\n  fragment ViewerPreferences on User {\n    id\n    notificationPreferences { kind email }\n  }\n": types.ViewerPreferencesFragmentDoc,
    "\n  query NotificationPreferences {\n    me { id notificationPreferences { kind email } }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $email: Boolean!) {\n    setNotificationPreference(kind: $kind, email: $email) {\n      preferences { kind email }\n      errors { code message field }\n    }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...OrderState createdAt total { amount currency } lines { quantity } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderDetail }\n  }\n": types.OrderDocument,
    "\n  query MyStores {\n    myStores { id name region kind seller { id name } }\n  }\n": types.MyStoresDocument,
    "\n  fragment PosProduct on Product {\n    id\n    sku\n    name\n    status\n    price { amount currency }\n    stock { available warehouses { warehouse { id } available } }\n  }\n": types.PosProductFragmentDoc,
    "\n  query PosCatalog($sellerId: ID!) {\n    products(first: 50, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { ...PosProduct } }\n    }\n  }\n": types.PosCatalogDocument,
    "\n  query PosSearch($sellerId: ID!, $search: String!) {\n    products(first: 10, filter: { sellerId: $sellerId, search: $search }, sort: RELEVANCE) {\n      edges { node { ...PosProduct } }\n    }\n  }\n": types.PosSearchDocument,
    "\n  subscription PosStockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { id stock { available warehouses { warehouse { id } available } } }\n  }\n": types.PosStockChangedDocument,
    "\n  mutation RecordStoreSale($input: StoreSaleInput!) {\n    recordStoreSale(input: $input) {\n      sale {\n        id\n        receiptNumber\n        createdAt\n        total { amount currency }\n        warehouse { id name }\n        lines { quantity unitPrice { amount currency } total { amount currency } product { id name } }\n      }\n      errors { code message field }\n    }\n  }\n": types.RecordStoreSaleDocument,
    "\n  query PosProduct($id: ID!) {\n    product(id: $id) { ...PosProduct }\n  }\n": types.PosProductDocument,
    "\n  query SellerProducts($sellerId: ID!, $after: String) {\n    products(first: 20, after: $after, filter: { sellerId: $sellerId }, sort: NEWEST) {\n      totalCount\n      edges { cursor node { id sku name status price { amount currency } stock { available onHand reserved lowStock } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SellerProductsDocument,
    "\n  query ProductFormOptions {\n    categories { id name slug }\n    warehouses { id name region kind }\n  }\n": types.ProductFormOptionsDocument,
    "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      costPrice { amount currency }\n      lowStockThreshold\n      stock {\n        available\n        reserved\n        onHand\n        lowStock\n        warehouses { warehouse { id name region } onHand reserved available }\n      }\n    }\n  }\n": types.EditableProductDocument,
    "\n  query StockMovements($id: ID!, $after: String) {\n    product(id: $id) {\n      id\n      stockMovements(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { id delta reason note createdAt warehouse { id name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.StockMovementsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id sku name status price { amount currency } seller { id } }\n      errors { code message field }\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product { id sku name description status weightGrams price { amount currency } costPrice { amount currency } category { id name } }\n      errors { code message field }\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n": types.AdjustStockDocument,
    "\n  mutation SetLowStockThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) {\n      product { id lowStockThreshold stock { available reserved onHand lowStock } }\n      errors { code message field }\n    }\n  }\n": types.SetLowStockThresholdDocument,
    "\n  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {\n    removeProductImage(productId: $productId, imageId: $imageId) {\n      product { id images { ...ProductImageFields } }\n      errors { code message field }\n    }\n  }\n": types.RemoveProductImageDocument,
    "\n  query ProductImages($id: ID!) {\n    product(id: $id) { id images { ...ProductImageFields } }\n  }\n": types.ProductImagesDocument,
    "\n  query Viewer {\n    me { id name email roles }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n": types.RegisterDocument,
    "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    contactEmail\n    leadTimeDays\n  }\n": types.SupplierFieldsFragmentDoc,
    "\n  query Suppliers {\n    suppliers { ...SupplierFields }\n  }\n": types.SuppliersDocument,
    "\n  mutation CreateSupplier($input: SupplierInput!) {\n    createSupplier(input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n": types.CreateSupplierDocument,
    "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!) {\n    updateSupplier(id: $id, input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n": types.UpdateSupplierDocument,
    "\n  fragment ReorderFields on ReorderRequest {\n    id\n    status\n    quantity\n    suggested\n    createdAt\n    updatedAt\n    supplier { id name }\n    product { id name sku }\n    warehouse { id name }\n  }\n": types.ReorderFieldsFragmentDoc,
    "\n  query ReorderRequests($status: ReorderStatus) {\n    reorderRequests(status: $status) { ...ReorderFields }\n  }\n": types.ReorderRequestsDocument,
    "\n  query ReorderFormOptions($sellerId: ID!) {\n    suppliers { id name }\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) { edges { node { id name sku } } }\n    warehouses { id name kind }\n  }\n": types.ReorderFormOptionsDocument,
    "\n  mutation CreateReorder($input: ReorderInput!) {\n    createReorder(input: $input) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n": types.CreateReorderDocument,
    "\n  mutation AdvanceReorder($id: ID!, $status: ReorderStatus!) {\n    advanceReorder(id: $id, status: $status) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n": types.AdvanceReorderDocument,
    "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n": types.TransferStockDocument,
    "\n  query ProductSupplier($id: ID!) {\n    product(id: $id) { id supplier { id name } }\n    suppliers { id name }\n  }\n": types.ProductSupplierDocument,
    "\n  mutation SetProductSupplier($productId: ID!, $supplierId: ID) {\n    setProductSupplier(productId: $productId, supplierId: $supplierId) {\n      product { id supplier { id name } }\n      errors { code message field }\n    }\n  }\n": types.SetProductSupplierDocument,
    "\n  fragment TicketSummary on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    createdAt\n    updatedAt\n    order { id number }\n  }\n": types.TicketSummaryFragmentDoc,
    "\n  fragment TicketDetail on Ticket {\n    ...TicketSummary\n    customer { id name }\n    messages { id body byStaff createdAt author { id } }\n  }\n": types.TicketDetailFragmentDoc,
    "\n  query OrderTickets($id: ID!) {\n    order(id: $id) { id tickets { ...TicketSummary } }\n  }\n": types.OrderTicketsDocument,
    "\n  query MyTickets($after: String) {\n    me {\n      id\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...TicketSummary } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.MyTicketsDocument,
    "\n  query Ticket($id: ID!) {\n    ticket(id: $id) { ...TicketDetail }\n  }\n": types.TicketDocument,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n      priorityReasons\n      customer { id name email }\n    }\n  }\n": types.AdminTicketDocument,
    "\n  query SupportQueue($after: String, $status: TicketStatus) {\n    supportQueue(first: 20, after: $after, status: $status) {\n      totalCount\n      edges { cursor node { ...TicketSummary customer { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SupportQueueDocument,
    "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": types.OpenTicketDocument,
    "\n  mutation ReplyToTicket($ticketId: ID!, $message: String!) {\n    replyToTicket(ticketId: $ticketId, message: $message) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": types.ReplyToTicketDocument,
    "\n  mutation SetTicketStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n": types.SetTicketStatusDocument,
    "\n  subscription TicketUpdated($ticketId: ID!) {\n    ticketUpdated(ticketId: $ticketId) { ...TicketDetail }\n  }\n": types.TicketUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAddresses {\n    me { id addresses { ...AddressFields } }\n  }\n"): (typeof documents)["\n  query MyAddresses {\n    me { id addresses { ...AddressFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      address { ...AddressFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAddress($id: ID!) {\n    removeAddress(id: $id) {\n      address { id }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAddress($id: ID!) {\n    removeAddress(id: $id) {\n      address { id }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShippingQuotes($region: String!, $productIds: [ID!]!) {\n    shippingQuotes(region: $region, productIds: $productIds) {\n      method { id name carrier }\n      cost { amount currency }\n      estimatedDays\n    }\n  }\n"): (typeof documents)["\n  query ShippingQuotes($region: String!, $productIds: [ID!]!) {\n    shippingQuotes(region: $region, productIds: $productIds) {\n      method { id name carrier }\n      cost { amount currency }\n      estimatedDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderShipments($id: ID!) {\n    order(id: $id) {\n      id\n      shipments { id trackingNumber status updatedAt method { id name carrier } }\n    }\n  }\n"): (typeof documents)["\n  query OrderShipments($id: ID!) {\n    order(id: $id) {\n      id\n      shipments { id trackingNumber status updatedAt method { id name carrier } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminShipments($status: ShipmentStatus) {\n    shipments(status: $status) {\n      id\n      trackingNumber\n      status\n      updatedAt\n      method { id name carrier }\n      order { id number customer { id name } }\n    }\n  }\n"): (typeof documents)["\n  query AdminShipments($status: ShipmentStatus) {\n    shipments(status: $status) {\n      id\n      trackingNumber\n      status\n      updatedAt\n      method { id name carrier }\n      order { id number customer { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceShipment($id: ID!, $status: ShipmentStatus!) {\n    advanceShipment(id: $id, status: $status)\n  }\n"): (typeof documents)["\n  mutation AdvanceShipment($id: ID!, $status: ShipmentStatus!) {\n    advanceShipment(id: $id, status: $status)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminOrderRow on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    customer { id name email }\n  }\n"): (typeof documents)["\n  fragment AdminOrderRow on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    customer { id name email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderHistory on Order {\n    id\n    history {\n      from\n      to\n      at\n      reason\n      by { id name }\n    }\n  }\n"): (typeof documents)["\n  fragment OrderHistory on Order {\n    id\n    history {\n      from\n      to\n      at\n      reason\n      by { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrders($after: String, $filter: OrderFilter) {\n    orders(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { ...AdminOrderRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrders($after: String, $filter: OrderFilter) {\n    orders(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { ...AdminOrderRow } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrder($id: ID!) {\n    order(id: $id) { ...OrderDetail ...OrderHistory }\n  }\n"): (typeof documents)["\n  query AdminOrder($id: ID!) {\n    order(id: $id) { ...OrderDetail ...OrderHistory }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail ...OrderHistory }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderUpdates {\n    orderUpdates { ...AdminOrderRow ...OrderHistory }\n  }\n"): (typeof documents)["\n  subscription OrderUpdates {\n    orderUpdates { ...AdminOrderRow ...OrderHistory }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomers($after: String, $search: String, $role: Role) {\n    users(first: 20, after: $after, search: $search, role: $role) {\n      totalCount\n      edges { cursor node { id name email roles createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomers($after: String, $search: String, $role: Role) {\n    users(first: 20, after: $after, search: $search, role: $role) {\n      totalCount\n      edges { cursor node { id name email roles createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStockOverview($after: String, $lowStockOnly: Boolean) {\n    stockOverview(first: 20, after: $after, lowStockOnly: $lowStockOnly) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          sku\n          seller { id name }\n          stock {\n            available\n            reserved\n            onHand\n            lowStock\n            warehouses { warehouse { id name } available reserved onHand }\n          }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminStockOverview($after: String, $lowStockOnly: Boolean) {\n    stockOverview(first: 20, after: $after, lowStockOnly: $lowStockOnly) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          sku\n          seller { id name }\n          stock {\n            available\n            reserved\n            onHand\n            lowStock\n            warehouses { warehouse { id name } available reserved onHand }\n          }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistantSuggestions {\n    assistantSuggestions\n  }\n"): (typeof documents)["\n  query AssistantSuggestions {\n    assistantSuggestions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskAssistant($question: String!, $conversationId: ID) {\n    askAssistant(question: $question, conversationId: $conversationId) {\n      answer { conversationId answer sources }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AskAssistant($question: String!, $conversationId: ID) {\n    askAssistant(question: $question, conversationId: $conversationId) {\n      answer { conversationId answer sources }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cart {\n    cart {\n      id\n      lines {\n        quantity\n        product { id name price { amount currency } stock { available lowStock } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cart {\n    cart {\n      id\n      lines {\n        quantity\n        product { id name price { amount currency } stock { available lowStock } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AddToCart($productId: ID!, $quantity: Int!) {\n    addToCart(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCartLine($productId: ID!, $quantity: Int!) {\n    setCartLine(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetCartLine($productId: ID!, $quantity: Int!) {\n    setCartLine(productId: $productId, quantity: $quantity) {\n      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories { id name slug }\n  }\n"): (typeof documents)["\n  query Categories {\n    categories { id name slug }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      edges { cursor node { ...ProductCard } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Catalog($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      edges { cursor node { ...ProductCard } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      ...LiveStock\n    }\n  }\n"): (typeof documents)["\n  query Product($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      ...LiveStock\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      payment { ...PaymentState }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      payment { ...PaymentState }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {\n    advanceOrder(id: $id, status: $status) {\n      order { ...OrderDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesFigures on SalesPoint {\n    period\n    units\n    orders\n    revenue { amount currency }\n    averageBasket { amount currency }\n  }\n"): (typeof documents)["\n  fragment SalesFigures on SalesPoint {\n    period\n    units\n    orders\n    revenue { amount currency }\n    averageBasket { amount currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesSeries($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      series(granularity: $granularity) { ...SalesFigures }\n    }\n  }\n"): (typeof documents)["\n  query SalesSeries($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      series(granularity: $granularity) { ...SalesFigures }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SellerSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name seller { id name } }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n      topCategories(first: 10) {\n        category { id name }\n        units\n        revenue { amount currency }\n      }\n      repeatCustomerRate\n      conversionRate\n    }\n  }\n"): (typeof documents)["\n  query AdminSalesSummary($from: DateTime!, $to: DateTime!) {\n    salesReport(from: $from, to: $to) {\n      from\n      to\n      totals { ...SalesFigures }\n      topProducts(first: 10) {\n        product { id name seller { id name } }\n        units\n        revenue { amount currency }\n        profit { amount currency }\n      }\n      topCategories(first: 10) {\n        category { id name }\n        units\n        revenue { amount currency }\n      }\n      repeatCustomerRate\n      conversionRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryHealth {\n    inventoryHealth(first: 50) {\n      product { id name seller { id name } }\n      available\n      daysOfCover\n      turnover\n      deadStock\n    }\n  }\n"): (typeof documents)["\n  query InventoryHealth {\n    inventoryHealth(first: 50) {\n      product { id name seller { id name } }\n      available\n      daysOfCover\n      turnover\n      deadStock\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerForecastProducts($sellerId: ID!) {\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { id name } }\n    }\n  }\n"): (typeof documents)["\n  query SellerForecastProducts($sellerId: ID!) {\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForecastAccuracyFields on ForecastAccuracy {\n    model\n    mape\n    smape\n    baselineSmape\n    window\n  }\n"): (typeof documents)["\n  fragment ForecastAccuracyFields on ForecastAccuracy {\n    model\n    mape\n    smape\n    baselineSmape\n    window\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandForecast($productId: ID!) {\n    demandForecast(productId: $productId, days: 30) {\n      product { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n      predictedStockout\n      suggestedReorder\n      warehouses { warehouse { id name } available predictedStockout suggestedReorder }\n      computedAt\n    }\n  }\n"): (typeof documents)["\n  query DemandForecast($productId: ID!) {\n    demandForecast(productId: $productId, days: 30) {\n      product { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n      predictedStockout\n      suggestedReorder\n      warehouses { warehouse { id name } available predictedStockout suggestedReorder }\n      computedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryForecast($categoryId: ID!) {\n    categoryForecast(categoryId: $categoryId, days: 30) {\n      category { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n    }\n  }\n"): (typeof documents)["\n  query CategoryForecast($categoryId: ID!) {\n    categoryForecast(categoryId: $categoryId, days: 30) {\n      category { id name }\n      days\n      points { date expected lower upper }\n      accuracy { ...ForecastAccuracyFields }\n      models { ...ForecastAccuracyFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFavorites {\n    me { id favorites { ...ProductCard status } }\n  }\n"): (typeof documents)["\n  query MyFavorites {\n    me { id favorites { ...ProductCard status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFavorite($productId: ID!) {\n    addFavorite(productId: $productId)\n  }\n"): (typeof documents)["\n  mutation AddFavorite($productId: ID!) {\n    addFavorite(productId: $productId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFavorite($productId: ID!) {\n    removeFavorite(productId: $productId)\n  }\n"): (typeof documents)["\n  mutation RemoveFavorite($productId: ID!) {\n    removeFavorite(productId: $productId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductImageFields on ProductImage {\n    id\n    url\n    width\n    height\n    alt\n    srcSet\n  }\n"): (typeof documents)["\n  fragment ProductImageFields on ProductImage {\n    id\n    url\n    width\n    height\n    alt\n    srcSet\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductCard on Product {\n    id\n    name\n    price { amount currency }\n    category { id name }\n    stock { available lowStock }\n    images { ...ProductImageFields }\n  }\n"): (typeof documents)["\n  fragment ProductCard on Product {\n    id\n    name\n    price { amount currency }\n    category { id name }\n    stock { available lowStock }\n    images { ...ProductImageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductDetail on Product {\n    id\n    sku\n    name\n    description\n    status\n    price { amount currency }\n    category { id name }\n    seller { id name }\n    weightGrams\n    images { ...ProductImageFields }\n  }\n"): (typeof documents)["\n  fragment ProductDetail on Product {\n    id\n    sku\n    name\n    description\n    status\n    price { amount currency }\n    category { id name }\n    seller { id name }\n    weightGrams\n    images { ...ProductImageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveStock on Product {\n    id\n    stock { available reserved onHand lowStock }\n  }\n"): (typeof documents)["\n  fragment LiveStock on Product {\n    id\n    stock { available reserved onHand lowStock }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentState on Payment {\n    id\n    status\n    method\n    failureReason\n    cardLast4\n    amount { amount currency }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PaymentState on Payment {\n    id\n    status\n    method\n    failureReason\n    cardLast4\n    amount { amount currency }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderState on Order {\n    id\n    number\n    status\n    cancellationReason\n    reservedUntil\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment OrderState on Order {\n    id\n    number\n    status\n    cancellationReason\n    reservedUntil\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddressFields on Address {\n    id\n    recipient\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n  }\n"): (typeof documents)["\n  fragment AddressFields on Address {\n    id\n    recipient\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderDetail on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    shippingAddress { ...AddressFields }\n    shippingMethod { id name carrier }\n    shippingCost { amount currency }\n    customer { id name email }\n    lines {\n      quantity\n      unitPrice { amount currency }\n      total { amount currency }\n      product { id name }\n    }\n    payment { ...PaymentState }\n    payments { ...PaymentState }\n  }\n"): (typeof documents)["\n  fragment OrderDetail on Order {\n    ...OrderState\n    createdAt\n    total { amount currency }\n    shippingAddress { ...AddressFields }\n    shippingMethod { id name carrier }\n    shippingCost { amount currency }\n    customer { id name email }\n    lines {\n      quantity\n      unitPrice { amount currency }\n      total { amount currency }\n      product { id name }\n    }\n    payment { ...PaymentState }\n    payments { ...PaymentState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { ...LiveStock }\n  }\n"): (typeof documents)["\n  subscription StockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { ...LiveStock }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderState }\n  }\n"): (typeof documents)["\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PaymentStatusChanged($orderId: ID!) {\n    paymentStatusChanged(orderId: $orderId) { ...PaymentState }\n  }\n"): (typeof documents)["\n  subscription PaymentStatusChanged($orderId: ID!) {\n    paymentStatusChanged(orderId: $orderId) { ...PaymentState }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    body\n    link\n    read\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnreadCount on User {\n    id\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  fragment UnreadCount on User {\n    id\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationRead on Notification {\n    id\n    read\n  }\n"): (typeof documents)["\n  fragment NotificationRead on Notification {\n    id\n    read\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    me { id unreadNotificationCount }\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    me { id unreadNotificationCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($after: String) {\n    me {\n      id\n      unreadNotificationCount\n      notifications(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...NotificationItem } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($after: String) {\n    me {\n      id\n      unreadNotificationCount\n      notifications(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...NotificationItem } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      unreadNotificationCount\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      unreadNotificationCount\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { ...NotificationItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerPreferences on User {\n    id\n    notificationPreferences { kind email }\n  }\n"): (typeof documents)["\n  fragment ViewerPreferences on User {\n    id\n    notificationPreferences { kind email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    me { id notificationPreferences { kind email } }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    me { id notificationPreferences { kind email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($kind: NotificationKind!, $email: Boolean!) {\n    setNotificationPreference(kind: $kind, email: $email) {\n      preferences { kind email }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($kind: NotificationKind!, $email: Boolean!) {\n    setNotificationPreference(kind: $kind, email: $email) {\n      preferences { kind email }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...OrderState createdAt total { amount currency } lines { quantity } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...OrderState createdAt total { amount currency } lines { quantity } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderDetail }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyStores {\n    myStores { id name region kind seller { id name } }\n  }\n"): (typeof documents)["\n  query MyStores {\n    myStores { id name region kind seller { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PosProduct on Product {\n    id\n    sku\n    name\n    status\n    price { amount currency }\n    stock { available warehouses { warehouse { id } available } }\n  }\n"): (typeof documents)["\n  fragment PosProduct on Product {\n    id\n    sku\n    name\n    status\n    price { amount currency }\n    stock { available warehouses { warehouse { id } available } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PosCatalog($sellerId: ID!) {\n    products(first: 50, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { ...PosProduct } }\n    }\n  }\n"): (typeof documents)["\n  query PosCatalog($sellerId: ID!) {\n    products(first: 50, filter: { sellerId: $sellerId }, sort: NAME) {\n      edges { node { ...PosProduct } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PosSearch($sellerId: ID!, $search: String!) {\n    products(first: 10, filter: { sellerId: $sellerId, search: $search }, sort: RELEVANCE) {\n      edges { node { ...PosProduct } }\n    }\n  }\n"): (typeof documents)["\n  query PosSearch($sellerId: ID!, $search: String!) {\n    products(first: 10, filter: { sellerId: $sellerId, search: $search }, sort: RELEVANCE) {\n      edges { node { ...PosProduct } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PosStockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { id stock { available warehouses { warehouse { id } available } } }\n  }\n"): (typeof documents)["\n  subscription PosStockChanged($productIds: [ID!]) {\n    stockChanged(productIds: $productIds) { id stock { available warehouses { warehouse { id } available } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordStoreSale($input: StoreSaleInput!) {\n    recordStoreSale(input: $input) {\n      sale {\n        id\n        receiptNumber\n        createdAt\n        total { amount currency }\n        warehouse { id name }\n        lines { quantity unitPrice { amount currency } total { amount currency } product { id name } }\n      }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordStoreSale($input: StoreSaleInput!) {\n    recordStoreSale(input: $input) {\n      sale {\n        id\n        receiptNumber\n        createdAt\n        total { amount currency }\n        warehouse { id name }\n        lines { quantity unitPrice { amount currency } total { amount currency } product { id name } }\n      }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PosProduct($id: ID!) {\n    product(id: $id) { ...PosProduct }\n  }\n"): (typeof documents)["\n  query PosProduct($id: ID!) {\n    product(id: $id) { ...PosProduct }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerProducts($sellerId: ID!, $after: String) {\n    products(first: 20, after: $after, filter: { sellerId: $sellerId }, sort: NEWEST) {\n      totalCount\n      edges { cursor node { id sku name status price { amount currency } stock { available onHand reserved lowStock } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SellerProducts($sellerId: ID!, $after: String) {\n    products(first: 20, after: $after, filter: { sellerId: $sellerId }, sort: NEWEST) {\n      totalCount\n      edges { cursor node { id sku name status price { amount currency } stock { available onHand reserved lowStock } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductFormOptions {\n    categories { id name slug }\n    warehouses { id name region kind }\n  }\n"): (typeof documents)["\n  query ProductFormOptions {\n    categories { id name slug }\n    warehouses { id name region kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      costPrice { amount currency }\n      lowStockThreshold\n      stock {\n        available\n        reserved\n        onHand\n        lowStock\n        warehouses { warehouse { id name region } onHand reserved available }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductDetail\n      costPrice { amount currency }\n      lowStockThreshold\n      stock {\n        available\n        reserved\n        onHand\n        lowStock\n        warehouses { warehouse { id name region } onHand reserved available }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockMovements($id: ID!, $after: String) {\n    product(id: $id) {\n      id\n      stockMovements(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { id delta reason note createdAt warehouse { id name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockMovements($id: ID!, $after: String) {\n    product(id: $id) {\n      id\n      stockMovements(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { id delta reason note createdAt warehouse { id name } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id sku name status price { amount currency } seller { id } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id sku name status price { amount currency } seller { id } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product { id sku name description status weightGrams price { amount currency } costPrice { amount currency } category { id name } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product { id sku name description status weightGrams price { amount currency } costPrice { amount currency } category { id name } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLowStockThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) {\n      product { id lowStockThreshold stock { available reserved onHand lowStock } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLowStockThreshold($productId: ID!, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, threshold: $threshold) {\n      product { id lowStockThreshold stock { available reserved onHand lowStock } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {\n    removeProductImage(productId: $productId, imageId: $imageId) {\n      product { id images { ...ProductImageFields } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {\n    removeProductImage(productId: $productId, imageId: $imageId) {\n      product { id images { ...ProductImageFields } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductImages($id: ID!) {\n    product(id: $id) { id images { ...ProductImageFields } }\n  }\n"): (typeof documents)["\n  query ProductImages($id: ID!) {\n    product(id: $id) { id images { ...ProductImageFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me { id name email roles }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me { id name email roles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id name email roles }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    contactEmail\n    leadTimeDays\n  }\n"): (typeof documents)["\n  fragment SupplierFields on Supplier {\n    id\n    name\n    contactEmail\n    leadTimeDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suppliers {\n    suppliers { ...SupplierFields }\n  }\n"): (typeof documents)["\n  query Suppliers {\n    suppliers { ...SupplierFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSupplier($input: SupplierInput!) {\n    createSupplier(input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSupplier($input: SupplierInput!) {\n    createSupplier(input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!) {\n    updateSupplier(id: $id, input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!) {\n    updateSupplier(id: $id, input: $input) {\n      supplier { ...SupplierFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReorderFields on ReorderRequest {\n    id\n    status\n    quantity\n    suggested\n    createdAt\n    updatedAt\n    supplier { id name }\n    product { id name sku }\n    warehouse { id name }\n  }\n"): (typeof documents)["\n  fragment ReorderFields on ReorderRequest {\n    id\n    status\n    quantity\n    suggested\n    createdAt\n    updatedAt\n    supplier { id name }\n    product { id name sku }\n    warehouse { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReorderRequests($status: ReorderStatus) {\n    reorderRequests(status: $status) { ...ReorderFields }\n  }\n"): (typeof documents)["\n  query ReorderRequests($status: ReorderStatus) {\n    reorderRequests(status: $status) { ...ReorderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReorderFormOptions($sellerId: ID!) {\n    suppliers { id name }\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) { edges { node { id name sku } } }\n    warehouses { id name kind }\n  }\n"): (typeof documents)["\n  query ReorderFormOptions($sellerId: ID!) {\n    suppliers { id name }\n    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) { edges { node { id name sku } } }\n    warehouses { id name kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReorder($input: ReorderInput!) {\n    createReorder(input: $input) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReorder($input: ReorderInput!) {\n    createReorder(input: $input) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceReorder($id: ID!, $status: ReorderStatus!) {\n    advanceReorder(id: $id, status: $status) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceReorder($id: ID!, $status: ReorderStatus!) {\n    advanceReorder(id: $id, status: $status) {\n      reorder { ...ReorderFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation TransferStock($input: TransferStockInput!) {\n    transferStock(input: $input) {\n      product {\n        id\n        stock {\n          available\n          reserved\n          onHand\n          lowStock\n          warehouses { warehouse { id name region } onHand reserved available }\n        }\n      }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSupplier($id: ID!) {\n    product(id: $id) { id supplier { id name } }\n    suppliers { id name }\n  }\n"): (typeof documents)["\n  query ProductSupplier($id: ID!) {\n    product(id: $id) { id supplier { id name } }\n    suppliers { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProductSupplier($productId: ID!, $supplierId: ID) {\n    setProductSupplier(productId: $productId, supplierId: $supplierId) {\n      product { id supplier { id name } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetProductSupplier($productId: ID!, $supplierId: ID) {\n    setProductSupplier(productId: $productId, supplierId: $supplierId) {\n      product { id supplier { id name } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketSummary on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    createdAt\n    updatedAt\n    order { id number }\n  }\n"): (typeof documents)["\n  fragment TicketSummary on Ticket {\n    id\n    number\n    subject\n    status\n    priority\n    createdAt\n    updatedAt\n    order { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketDetail on Ticket {\n    ...TicketSummary\n    customer { id name }\n    messages { id body byStaff createdAt author { id } }\n  }\n"): (typeof documents)["\n  fragment TicketDetail on Ticket {\n    ...TicketSummary\n    customer { id name }\n    messages { id body byStaff createdAt author { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderTickets($id: ID!) {\n    order(id: $id) { id tickets { ...TicketSummary } }\n  }\n"): (typeof documents)["\n  query OrderTickets($id: ID!) {\n    order(id: $id) { id tickets { ...TicketSummary } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTickets($after: String) {\n    me {\n      id\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...TicketSummary } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTickets($after: String) {\n    me {\n      id\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges { cursor node { ...TicketSummary } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ticket($id: ID!) {\n    ticket(id: $id) { ...TicketDetail }\n  }\n"): (typeof documents)["\n  query Ticket($id: ID!) {\n    ticket(id: $id) { ...TicketDetail }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n      priorityReasons\n      customer { id name email }\n    }\n  }\n"): (typeof documents)["\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...TicketDetail\n      priorityReasons\n      customer { id name email }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportQueue($after: String, $status: TicketStatus) {\n    supportQueue(first: 20, after: $after, status: $status) {\n      totalCount\n      edges { cursor node { ...TicketSummary customer { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SupportQueue($after: String, $status: TicketStatus) {\n    supportQueue(first: 20, after: $after, status: $status) {\n      totalCount\n      edges { cursor node { ...TicketSummary customer { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToTicket($ticketId: ID!, $message: String!) {\n    replyToTicket(ticketId: $ticketId, message: $message) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToTicket($ticketId: ID!, $message: String!) {\n    replyToTicket(ticketId: $ticketId, message: $message) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTicketStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTicketStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) {\n      ticket { ...TicketDetail }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketUpdated($ticketId: ID!) {\n    ticketUpdated(ticketId: $ticketId) { ...TicketDetail }\n  }\n"): (typeof documents)["\n  subscription TicketUpdated($ticketId: ID!) {\n    ticketUpdated(ticketId: $ticketId) { ...TicketDetail }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;