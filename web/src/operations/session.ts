import { graphql } from '../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me { id name email roles }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user { id name email roles }
      errors { code message field }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
      user { id name email roles }
      errors { code message field }
    }
  }
`);
